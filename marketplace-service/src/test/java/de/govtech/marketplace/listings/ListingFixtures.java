package de.govtech.marketplace.listings;

import io.restassured.filter.Filter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Listing bodies for the tests, and a filter that keeps every response body to prove secrets never leave. */
final class ListingFixtures {

    static final String BASE = "/api/v1/marketplace/listings";
    static final String BROKER_URL = "https://broker.secret-vendor.example/osb";
    static final String BROKER_USER = "osb-user-7f3a";
    static final String BROKER_PASSWORD = "pw-never-returned-91c2";

    /** Request path and response body of every recorded call. */
    static final List<String[]> RESPONSES = new CopyOnWriteArrayList<>();
    static final Filter RECORD_RESPONSES = (request, response, ctx) -> {
        var r = ctx.next(request, response);
        RESPONSES.add(new String[]{java.net.URI.create(request.getURI()).getPath(), r.asString()});
        return r;
    };

    private ListingFixtures() {
    }

    static String listing(String slug, String name) {
        return listing(slug, name, true);
    }

    static String listing(String slug, String name, boolean withBroker) {
        return """
                {
                  "slug": "%s",
                  "content": {
                    "name": "%s",
                    "summary": "Online-Anträge für Bürgerinnen und Bürger",
                    "description": "Ein Portal für Online-Anträge nach OZG.",
                    "category": "CITIZEN_SERVICES",
                    "tags": ["OZG", "BundID"],
                    "plans": [
                      {"name": "Basis", "description": "Drei Verfahren", "priceModel": "FREE", "price": 0},
                      {"name": "Standard", "description": "Alle Verfahren", "priceModel": "PER_INHABITANT_PER_YEAR", "price": 0.12},
                      {"name": "Flat", "description": "Pauschal", "priceModel": "MONTHLY_FLAT", "price": 199.90}
                    ],
                    "compliance": {"hostedInGermany": true, "bsiC5": true, "gdprDpaAvailable": true,
                                   "bitvAccessible": false, "openSourceLicence": "EUPL-1.2"},
                    "cloudTargets": ["stackit:eu01", "ionos:de-fra"],
                    "documentationUrl": "https://docs.example.de/app",
                    "supportUrl": "https://support.example.de"
                  }%s
                }""".formatted(slug, name, withBroker
                ? ",\n  \"broker\": {\"url\": \"%s\", \"username\": \"%s\", \"password\": \"%s\"}"
                        .formatted(BROKER_URL, BROKER_USER, BROKER_PASSWORD)
                : "");
    }

    /**
     * No response carries the broker's credentials; the broker URL appears only in the listing API (owning vendor and
     * platform admins), never in the catalogue or anything else.
     */
    static void assertNoResponseLeaksBrokerSecrets() {
        boolean urlShownInListings = false;
        for (String[] call : RESPONSES) {
            String path = call[0];
            String body = call[1];
            boolean listingApi = path.startsWith(BASE);
            urlShownInListings |= listingApi && body.contains(BROKER_URL);
            List<String> secrets = listingApi ? List.of(BROKER_USER, BROKER_PASSWORD)
                    : List.of(BROKER_URL, BROKER_USER, BROKER_PASSWORD, "broker.secret-vendor");
            for (String secret : secrets) {
                if (body.contains(secret)) {
                    throw new AssertionError("the response of " + path + " contains the broker secret " + secret + ": " + body);
                }
            }
        }
        if (!urlShownInListings) {
            throw new AssertionError("the broker URL was never shown in the listing API");
        }
        if (RESPONSES.isEmpty()) {
            throw new AssertionError("no responses were recorded");
        }
    }
}
