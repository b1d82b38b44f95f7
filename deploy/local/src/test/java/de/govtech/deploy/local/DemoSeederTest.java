package de.govtech.deploy.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoSeederTest {

    private static final String LISTING_PREFIX = "/listings/";

    @TempDir
    Path dir;

    private final FakeMarketplace marketplace = new FakeMarketplace();

    private DemoSeeder seeder(String brokerUrl) {
        return new DemoSeeder(marketplace, FakeMarketplace::token, new DemoApp(brokerUrl, "broker", "broker-secret"),
                dir.resolve("demo-app.properties"));
    }

    @Test
    void theFirstRunRegistersVerifiesCreatesSubmitsAndPublishesWithTheRightUsers() {
        DemoSeeder.Result result = seeder("http://localhost:8090").seed();

        String id = marketplace.only().id;
        assertEquals(id, result.listingId());
        assertEquals(List.of("POST /vendors", "POST /vendors/" + FakeMarketplace.VENDOR_ID + "/verify",
                "POST /listings", "POST /listings/" + id + "/submit", "POST /listings/" + id + "/publish"),
                marketplace.writes());
        assertEquals(List.of("vendor registered", "vendor verified", "listing created", "listing submitted",
                "listing published"), result.steps());
        assertEquals("PUBLISHED", marketplace.only().status);
        assertEquals("http://localhost:8090", marketplace.only().request.path("broker").path("url").asText());
        assertEquals("VERIFIED", marketplace.vendorStatus);
        assertTrue(marketplace.calls.stream().anyMatch(c -> c.path().equals("/catalogue/apps/buergerservice-demo")),
                "checks the catalogue at the end");
    }

    @Test
    void aSecondRunOnTheSameDataChangesNothing() {
        seeder("http://localhost:8090").seed();
        int writes = marketplace.writes().size();

        DemoSeeder.Result again = seeder("http://localhost:8090").seed();

        assertEquals(List.of("nothing to do"), again.steps());
        // only the registration is tried again (409 = already registered)
        assertEquals(List.of("POST /vendors"), marketplace.writes().subList(writes, marketplace.writes().size()));
        assertEquals(1, marketplace.listings.size());
        assertEquals(1, marketplace.only().revisions);
    }

    @Test
    void aNewBrokerUrlGivesThePublishedListingANewRevisionWithIt() {
        seeder("http://localhost:8090").seed();

        DemoSeeder.Result moved = seeder("http://localhost:28090").seed();

        assertEquals(List.of("listing updated", "listing submitted", "listing published"), moved.steps());
        assertEquals(2, marketplace.only().revisions);
        assertEquals("http://localhost:28090", marketplace.only().request.path("broker").path("url").asText());
        assertEquals(1, marketplace.listings.size());
    }

    @Test
    void aDraftLeftByAnInterruptedRunIsFinished() {
        marketplace.overrides.put("POST " + LISTING_PREFIX, FakeMarketplace.answer(503)); // submission fails
        assertThrows(SeedException.class, () -> seeder("http://localhost:8090").seed());
        assertEquals("DRAFT", marketplace.only().status);
        marketplace.overrides.clear();

        DemoSeeder.Result result = seeder("http://localhost:8090").seed();

        assertEquals(List.of("listing updated", "listing submitted", "listing published"), result.steps());
        assertEquals("PUBLISHED", marketplace.only().status);
        assertEquals(1, marketplace.listings.size());
    }

    @Test
    void aListingLeftSubmittedIsPublished() {
        seeder("http://localhost:8090").seed();
        FakeMarketplace.Listing listing = marketplace.only();
        listing.status = "SUBMITTED";
        listing.pendingStatus = "SUBMITTED";

        DemoSeeder.Result result = seeder("http://localhost:8090").seed();

        assertEquals(List.of("listing published"), result.steps());
        assertEquals("PUBLISHED", listing.status);
    }

    @Test
    void aCreateWhoseFirstAnswerWasLostFindsTheListingInsteadOfFailing() {
        // the listing exists, but the listing page seen first did not show it (the create raced the lookup)
        marketplace.call("POST", "/vendors", FakeMarketplace.VENDOR_TOKEN, new DemoApp("u", "b", "p").vendorRegistration());
        marketplace.call("POST", "/listings", FakeMarketplace.VENDOR_TOKEN, new DemoApp("u", "b", "p").listingRequest());
        com.fasterxml.jackson.databind.node.ObjectNode emptyPage =
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("total", 0);
        emptyPage.putArray("items");
        marketplace.overrides.put("GET /listings?page=0", new ServiceApi.Answer(200, emptyPage));
        ServiceApi onceEmpty = (method, path, token, body) -> {
            ServiceApi.Answer answer = marketplace.call(method, path, token, body);
            if (path.startsWith("/listings?")) {
                marketplace.overrides.remove("GET /listings?page=0");
            }
            return answer;
        };

        DemoSeeder.Result result = new DemoSeeder(onceEmpty, FakeMarketplace::token,
                new DemoApp("http://localhost:8090", "broker", "broker-secret"), dir.resolve("demo-app.properties")).seed();

        assertEquals(1, marketplace.listings.size());
        assertEquals("PUBLISHED", marketplace.only().status);
        assertEquals(List.of("vendor verified", "listing updated", "listing submitted", "listing published"), result.steps());
    }

    @Test
    void aDelistedDemoAppIsLeftAloneWithAClearMessage() {
        seeder("http://localhost:8090").seed();
        marketplace.only().status = "DELISTED";

        SeedException e = assertThrows(SeedException.class, () -> seeder("http://localhost:8090").seed());

        assertTrue(e.getMessage().contains("delisted"), e.getMessage());
        assertEquals(List.of("POST /vendors", "POST /vendors/" + FakeMarketplace.VENDOR_ID + "/verify",
                "POST /listings", "POST /listings/" + marketplace.only().id + "/submit",
                "POST /listings/" + marketplace.only().id + "/publish", "POST /vendors"), marketplace.writes());
    }

    @Test
    void aRefusalNamesTheStepAndTheProblem() {
        marketplace.overrides.put("POST /listings", FakeMarketplace.problem(400, "validation-failed"));

        SeedException e = assertThrows(SeedException.class, () -> seeder("http://localhost:8090").seed());

        assertTrue(e.getMessage().contains("creating the demo listing failed: status 400 (validation-failed"), e.getMessage());
    }

    @Test
    void aTokenWithoutVendorIdIsRefusedBeforeAnyCall() {
        DemoSeeder seeder = new DemoSeeder(marketplace, user -> FakeMarketplace.token(DemoApp.ADMIN_USER),
                new DemoApp("http://localhost:8090", "broker", "broker-secret"), dir.resolve("demo-app.properties"));

        SeedException e = assertThrows(SeedException.class, seeder::seed);

        assertTrue(e.getMessage().contains("vendor_id"), e.getMessage());
        assertTrue(marketplace.calls.isEmpty());
    }
}
