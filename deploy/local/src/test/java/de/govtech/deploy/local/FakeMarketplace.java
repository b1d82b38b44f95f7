package de.govtech.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The marketplace's vendor and listing workflow in memory, with the rules seeding relies on (who may call what,
 * 409 on a second registration, submit only from DRAFT/REJECTED or a pending draft, publish only SUBMITTED),
 * recording every call.
 */
final class FakeMarketplace implements ServiceApi {

    static final String VENDOR_TOKEN = "vendor-token";
    static final String ADMIN_TOKEN = "admin-token";
    static final String VENDOR_ID = "7d0c5b4e-8a59-4c8e-9d43-3f0f5c2e9a11";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTING = Pattern.compile("/listings/([^/]+)(/submit|/publish)?");

    record Call(String method, String path, String token, JsonNode body) {
    }

    static final class Listing {
        final String id = UUID.randomUUID().toString();
        final String slug;
        String status = "DRAFT";
        String pendingStatus = "DRAFT";
        JsonNode request;
        int revisions = 1;

        Listing(JsonNode request) {
            this.slug = request.path("slug").asText();
            this.request = request;
        }
    }

    final List<Call> calls = new ArrayList<>();
    final Map<String, Listing> listings = new LinkedHashMap<>();
    String vendorStatus;
    /** Answers given instead of the normal ones, by "METHOD path-prefix". */
    final Map<String, Answer> overrides = new LinkedHashMap<>();

    static KeycloakLogin.AccessToken token(String user) {
        ObjectNode claims = JSON.createObjectNode().put("preferred_username", user);
        if (user.equals(DemoApp.VENDOR_USER)) {
            claims.put("vendor_id", VENDOR_ID);
            return new KeycloakLogin.AccessToken(VENDOR_TOKEN, claims);
        }
        return new KeycloakLogin.AccessToken(ADMIN_TOKEN, claims);
    }

    List<String> writes() {
        return calls.stream().filter(c -> !c.method().equals("GET")).map(c -> c.method() + " " + c.path()).toList();
    }

    Listing only() {
        if (listings.size() != 1) {
            throw new AssertionError("expected one listing, found " + listings.size());
        }
        return listings.values().iterator().next();
    }

    @Override
    public Answer call(String method, String path, String token, JsonNode body) {
        calls.add(new Call(method, path, token, body));
        for (Map.Entry<String, Answer> override : overrides.entrySet()) {
            if ((method + " " + path).startsWith(override.getKey())) {
                return override.getValue();
            }
        }
        boolean vendor = VENDOR_TOKEN.equals(token);
        boolean admin = ADMIN_TOKEN.equals(token);
        if (method.equals("POST") && path.equals("/vendors")) {
            if (!vendor) {
                return answer(403);
            }
            if (vendorStatus != null) {
                return problem(409, "vendor-already-registered");
            }
            vendorStatus = "PENDING";
            return new Answer(201, vendorJson());
        }
        if (method.equals("GET") && path.equals("/vendors/" + VENDOR_ID)) {
            return vendorStatus == null ? answer(404) : new Answer(200, vendorJson());
        }
        if (method.equals("POST") && path.equals("/vendors/" + VENDOR_ID + "/verify")) {
            if (!admin) {
                return answer(403);
            }
            if ("VERIFIED".equals(vendorStatus)) {
                return problem(409, "vendor-already-verified");
            }
            vendorStatus = "VERIFIED";
            return new Answer(200, vendorJson());
        }
        if (method.equals("GET") && path.startsWith("/listings?")) {
            return vendor ? new Answer(200, page()) : answer(403);
        }
        if (method.equals("POST") && path.equals("/listings")) {
            if (!vendor || vendorStatus == null) {
                return answer(403);
            }
            if (listings.values().stream().anyMatch(l -> l.slug.equals(body.path("slug").asText()))) {
                return problem(409, "slug-taken");
            }
            Listing listing = new Listing(body);
            listings.put(listing.id, listing);
            return new Answer(201, listingJson(listing));
        }
        if (method.equals("GET") && path.startsWith("/catalogue/apps/")) {
            String slug = path.substring("/catalogue/apps/".length());
            boolean published = listings.values().stream()
                    .anyMatch(l -> l.slug.equals(slug) && l.status.equals("PUBLISHED"));
            return answer(published ? 200 : 404);
        }
        Matcher matcher = LISTING.matcher(path);
        if (matcher.matches() && listings.containsKey(matcher.group(1))) {
            return listingStep(method, matcher.group(2), listings.get(matcher.group(1)), vendor, admin, body);
        }
        return answer(404);
    }

    private Answer listingStep(String method, String step, Listing listing, boolean vendor, boolean admin, JsonNode body) {
        if (method.equals("PUT") && step == null) {
            if (!vendor) {
                return answer(403);
            }
            if ("SUBMITTED".equals(listing.pendingStatus)) {
                return problem(409, "revision-under-review");
            }
            if (!"DRAFT".equals(listing.pendingStatus)) {
                listing.revisions++;
            }
            listing.request = body;
            listing.pendingStatus = "DRAFT";
            if (listing.status.equals("REJECTED")) {
                listing.status = "DRAFT";
            }
            return answer(204);
        }
        if (method.equals("POST") && "/submit".equals(step)) {
            if (!vendor) {
                return answer(403);
            }
            if (!"VERIFIED".equals(vendorStatus)) {
                return problem(409, "vendor-not-verified");
            }
            if (!"DRAFT".equals(listing.pendingStatus)) {
                return problem(409, "nothing-to-submit");
            }
            listing.pendingStatus = "SUBMITTED";
            if (!listing.status.equals("PUBLISHED")) {
                listing.status = "SUBMITTED";
            }
            return new Answer(200, listingJson(listing));
        }
        if (method.equals("POST") && "/publish".equals(step)) {
            if (!admin) {
                return answer(403);
            }
            if (!"SUBMITTED".equals(listing.pendingStatus)) {
                return problem(409, "nothing-to-publish");
            }
            listing.pendingStatus = null;
            listing.status = "PUBLISHED";
            return new Answer(200, listingJson(listing));
        }
        return answer(405);
    }

    private JsonNode vendorJson() {
        return JSON.createObjectNode().put("id", VENDOR_ID).put("status", vendorStatus);
    }

    private JsonNode page() {
        ObjectNode page = JSON.createObjectNode().put("page", 0).put("size", 100).put("total", listings.size());
        ArrayNode items = page.putArray("items");
        listings.values().forEach(l -> items.add(listingJson(l)));
        return page;
    }

    private static ObjectNode listingJson(Listing listing) {
        ObjectNode json = JSON.createObjectNode().put("id", listing.id).put("slug", listing.slug).put("status", listing.status);
        if (listing.pendingStatus == null) {
            json.putNull("pendingStatus");
        } else {
            json.put("pendingStatus", listing.pendingStatus);
        }
        return json;
    }

    static Answer answer(int status) {
        return new Answer(status, MissingNode.getInstance());
    }

    static Answer problem(int status, String type) {
        return new Answer(status, JSON.createObjectNode().put("type", "https://govtech.invalid/problems/" + type)
                .put("title", type).put("status", status));
    }
}
