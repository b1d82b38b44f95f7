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
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static de.govtech.marketplace.listings.ListingFixtures.BASE;
import static de.govtech.marketplace.listings.ListingFixtures.listing;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Refusals of the listing API: anonymous, unregistered and unverified vendors, malformed input, taken slugs. */
@QuarkusTest
@ExtendWith(BrokerSecretsNeverLeave.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class ListingAccessTest {

    static final String VERIFIED = "8c3e1c74-2e30-4c5b-9f73-00000000000a";
    static final String UNVERIFIED = "8c3e1c74-2e30-4c5b-9f73-00000000000b";
    static final String UNREGISTERED = "8c3e1c74-2e30-4c5b-9f73-00000000000c";

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
        given().post(path + "/submission").then().statusCode(401);
        given().post(path + "/publication").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"reason\":\"x\"}").post(path + "/rejection").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"reason\":\"x\"}").post(path + "/delisting").then().statusCode(401);
        given().get(path + "/revisions").then().statusCode(401);
        given().get(path + "/decisions").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "ursula.unverified", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = UNVERIFIED))
    void anUnverifiedVendorDraftsButCannotSubmit() {
        String id = given().contentType(ContentType.JSON).body(listing("ungepruefte-app", "Ungeprüfte App")).post(BASE)
                .then().statusCode(201).extract().path("id");
        given().post(BASE + "/" + id + "/submission")
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
        given().post(BASE + "/" + UUID.randomUUID() + "/publication").then().statusCode(404);
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

    private static void assertBadRequest(String body, String field) {
        given().contentType(ContentType.JSON).body(body).post(BASE)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private static long listingCount() {
        return QuarkusTransaction.requiringNew().call(() -> Listing.count());
    }
}
