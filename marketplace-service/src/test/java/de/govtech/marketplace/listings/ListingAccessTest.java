package de.govtech.marketplace.listings;

import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import de.govtech.marketplace.TestVendors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static de.govtech.marketplace.listings.ListingFixtures.BASE;
import static de.govtech.marketplace.listings.ListingFixtures.listing;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Refusals of the listing API: anonymous, unregistered and unverified vendors, malformed input, taken slugs (also taken concurrently). */
@QuarkusTest
@ExtendWith(BrokerSecretsNeverLeave.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class ListingAccessTest {

    static final String VERIFIED = "8c3e1c74-2e30-4c5b-9f73-00000000000a";
    static final String UNVERIFIED = "8c3e1c74-2e30-4c5b-9f73-00000000000b";
    static final String UNREGISTERED = "8c3e1c74-2e30-4c5b-9f73-00000000000c";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void seed() {
        TestVendors.ensure(VERIFIED, "Zugriff Anbieter", true);
        TestVendors.ensure(UNVERIFIED, "Ungeprüft Anbieter", false);
    }

    @Test
    void anonymousCallersAreUnauthorizedEverywhere() {
        String path = BASE + "/" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(listing("anonym", "Anonym")).post(BASE)
                .then().statusCode(401).contentType("application/problem+json").body("type", endsWith("/unauthorized"));
        given().get(BASE).then().statusCode(401);
        given().get(path).then().statusCode(401);
        given().contentType(ContentType.JSON).body(listing("anonym", "Anonym")).put(path).then().statusCode(401);
        given().post(path + "/submit").then().statusCode(401);
        given().post(path + "/publish").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"reason\":\"x\"}").post(path + "/reject").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"reason\":\"x\"}").post(path + "/delist").then().statusCode(401);
        given().get(path + "/revisions").then().statusCode(401);
        given().get(path + "/decisions").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "ursula.unverified", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = UNVERIFIED))
    void anUnverifiedVendorDraftsButCannotSubmit() {
        String id = given().contentType(ContentType.JSON).body(listing("ungepruefte-app", "Ungeprüfte App")).post(BASE)
                .then().statusCode(201).extract().path("id");
        given().post(BASE + "/" + id + "/submit")
                .then().statusCode(409).body("type", endsWith("/vendor-not-verified"));
        given().get(BASE + "/" + id).then().statusCode(200).body("status", equalTo("DRAFT"));
    }

    @Test
    @TestSecurity(user = "nora.unregistered", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = UNREGISTERED))
    void aVendorUserWhoseVendorIsNotRegisteredCannotCreateListings() {
        given().contentType(ContentType.JSON).body(listing("unregistriert", "X")).post(BASE)
                .then().statusCode(403).body("type", endsWith("/forbidden"));
    }

    @Test
    @TestSecurity(user = "vendor-without-claim", roles = "vendor")
    void aVendorUserWithoutVendorIdClaimCannotCreateOrList() {
        given().contentType(ContentType.JSON).body(listing("ohne-claim", "X")).post(BASE).then().statusCode(403);
        given().get(BASE).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "paula.platform", roles = "platform-admin")
    void aPlatformAdminDoesNotCreateListingsAndCannotPublishADraft() {
        given().contentType(ContentType.JSON).body(listing("admin-app", "Admin")).post(BASE).then().statusCode(403);
        given().post(BASE + "/" + UUID.randomUUID() + "/publish").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "zoe.verified", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VERIFIED))
    void malformedListingsAreRefusedNamingTheFieldAndNothingIsWritten() {
        long before = listingCount();
        String valid = listing("valide-app", "Valide App");
        assertBadRequest(valid.replace("\"valide-app\"", "\"Valide_App\""), "slug");
        assertBadRequest(valid.replace("\"price\": 0.12", "\"price\": -1"), "content.plans[1].price");
        assertBadRequest(valid.replace("\"price\": 0.12", "\"price\": 0.125"), "content.plans[1].price");
        assertBadRequest(valid.replace("\"price\": 0}", "\"price\": 5}"), "content.plans[0].price");
        assertBadRequest(valid.replace("\"ionos:de-fra\"", "\"aws:us-east-1\""), "content.cloudTargets[1]");
        assertBadRequest(valid.replace("\"CITIZEN_SERVICES\"", "\"GAMES\""), "content.category");
        assertBadRequest(valid.replace("\"MONTHLY_FLAT\"", "\"PER_CLICK\""), "content.plans[2].priceModel");
        assertBadRequest(valid.replace("\"bsiC5\": true, ", ""), "content.compliance.bsiC5");
        assertBadRequest(valid.replace("\"EUPL-1.2\"", "\"not a licence!\""), "content.compliance.openSourceLicence");
        assertBadRequest(valid.replace("https://support.example.de", "ftp://support"), "content.supportUrl");
        assertBadRequest(listing("ohne-broker", "Ohne Broker", false), "broker");
        assertBadRequest(valid.replace("\"password\": \"" + ListingFixtures.BROKER_PASSWORD + "\"", "\"password\": \"\""),
                "broker.password");
        given().contentType(ContentType.JSON).body("{\"slug\": ").post(BASE)
                .then().statusCode(400).body("type", endsWith("/malformed-request"));
        assertEquals(before, listingCount(), "nothing was written");
    }

    @Test
    @TestSecurity(user = "zoe.verified", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VERIFIED))
    void aTakenSlugIsAConflict() {
        given().contentType(ContentType.JSON).body(listing("doppelter-slug", "Eins")).post(BASE).then().statusCode(201);
        given().contentType(ContentType.JSON).body(listing("doppelter-slug", "Zwei")).post(BASE)
                .then().statusCode(409).body("type", endsWith("/slug-taken")).body("errors[0].field", equalTo("slug"));
    }

    /**
     * Two requests for the same slug at the same moment: the test holds a SHARE lock on {@code listing} so both
     * requests get past everything before their insert and wait there; released together, exactly one insert wins.
     * The other must be 409 slug-taken with nothing of it written (before the fix it was a 500 at commit).
     */
    @Test
    @TestSecurity(user = "zoe.verified", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VERIFIED))
    void twoRequestsTakingTheSameSlugAtTheSameMomentGiveOneCreatedAndOneConflict() throws Exception {
        String slug = "gleichzeitiger-slug";
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try (Connection gate = dataSource.getConnection()) {
            gate.setAutoCommit(false);
            try (Statement lock = gate.createStatement()) {
                lock.execute("lock table listing in share mode");
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (String name : List.of("Erste", "Zweite")) {
                answers.add(callers.submit(() -> {
                    start.await();
                    return given().contentType(ContentType.JSON).body(listing(slug, name)).post(BASE)
                            .then().extract().response();
                }));
            }
            start.countDown();
            await().atMost(Duration.ofSeconds(60)).until(() -> insertsWaitingForTheLock() == 2);
            gate.rollback();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertEquals(List.of(201, 409), responses.stream().map(Response::statusCode).sorted().toList(),
                    () -> responses.stream().map(Response::asString).toList().toString());
            Response conflict = responses.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
            assertTrue(conflict.jsonPath().getString("type").endsWith("/slug-taken"), conflict.asString());
            assertEquals("slug", conflict.jsonPath().getString("errors[0].field"));
        } finally {
            callers.shutdownNow();
        }
        QuarkusTransaction.requiringNew().run(() -> {
            List<Listing> listings = Listing.list("slug", slug);
            assertEquals(1, listings.size(), "exactly one listing has the slug");
            UUID id = listings.get(0).id;
            assertEquals(1, ListingRevision.count("listingId", id), "one revision");
            assertEquals(1, ListingDecision.count("listingId", id), "one decision (CREATED)");
        });
    }

    private long insertsWaitingForTheLock() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select count(*) from pg_stat_activity where datname = current_database()"
                     + " and wait_event_type = 'Lock' and query like 'insert into listing %'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void assertBadRequest(String body, String field) {
        given().contentType(ContentType.JSON).body(body).post(BASE)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private static long listingCount() {
        return QuarkusTransaction.requiringNew().call(() -> Listing.count());
    }
}
