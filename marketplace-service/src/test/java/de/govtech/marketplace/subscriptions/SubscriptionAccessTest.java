package de.govtech.marketplace.subscriptions;

import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.UUID;

import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.BASE;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.joinThroughKafka;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.publishedApp;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.seededSubscription;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.subscriptionsOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who may order, see and end subscriptions, and what a bad order gets — every refusal writes nothing. No broker is
 * called here: the subscriptions that exist are seeded in states the worker leaves alone.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class SubscriptionAccessTest {

    static final String SLUG = "abo-zugriff-app";
    static final String MEMBER = "6b2c0000-0000-4000-8000-00000000000a";
    static final String OTHER = "6b2c0000-0000-4000-8000-00000000000b";
    static final String STRANGER = "6b2c0000-0000-4000-8000-0000000000ee";
    static final String VENDOR = SubscriptionFixtures.VENDOR;
    static final String OTHER_VENDOR = "7b2d0b63-1d2f-4b4a-8e62-0000000000ff";
    static final String ORDER = "{\"appSlug\": \"" + SLUG + "\", \"plan\": \"Basis\", \"cloudTarget\": \"stackit:eu01\"}";

    static UUID appId;
    static UUID ownSubscription;
    static UUID othersSubscription;

    @BeforeEach
    void seed() {
        if (appId == null) {
            // a broker that is never reached: no order in this class gets that far
            appId = publishedApp(SLUG, URI.create("http://localhost:1"), "Basis");
            joinThroughKafka(MEMBER);
            joinThroughKafka(OTHER);
            ownSubscription = seededSubscription(MEMBER, appId, SLUG, SubscriptionState.PROVISIONED);
            othersSubscription = seededSubscription(OTHER, appId, SLUG, SubscriptionState.PROVISIONED);
        }
    }

    @Test
    void anonymousCallersGet401() {
        given().contentType(ContentType.JSON).body(ORDER).post(BASE).then().statusCode(401)
                .contentType("application/problem+json").body("type", endsWith("/unauthorized"));
        given().get(BASE).then().statusCode(401);
        given().get(BASE + "/" + ownSubscription).then().statusCode(401);
        given().delete(BASE + "/" + ownSubscription).then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "fremde.admin", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = STRANGER))
    void aNonMemberMayNotOrder() {
        given().contentType(ContentType.JSON).body(ORDER).post(BASE).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://govtech-kommunal.de/problems/membership-required"))
                .body("title", containsString("in-house procurement"));
        assertEquals(0, subscriptionsOf(STRANGER));
    }

    @Test
    @TestSecurity(user = "vera.vendor", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VENDOR))
    void aVendorReadsTheSubscriptionsOfItsOwnAppsButNeitherOrdersNorEndsThem() {
        given().queryParam("size", 100).get(BASE).then().statusCode(200)
                .body("items.id", hasItem(ownSubscription.toString()))
                .body("items.id", hasItem(othersSubscription.toString()))
                .body("items.appSlug", everyItem(startsWith("abo-")));
        given().get(BASE + "/" + othersSubscription).then().statusCode(200).body("appId", equalTo(appId.toString()));
        given().contentType(ContentType.JSON).body(ORDER).post(BASE).then().statusCode(403).body("type", endsWith("/forbidden"));
        given().delete(BASE + "/" + ownSubscription).then().statusCode(403);
        assertEquals(SubscriptionState.PROVISIONED, SubscriptionFixtures.subscription(ownSubscription).state);
    }

    @Test
    @TestSecurity(user = "otto.othervendor", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = OTHER_VENDOR))
    void anotherVendorSeesNoneOfThem() {
        given().queryParam("size", 100).get(BASE).then().statusCode(200)
                .body("items.id", not(hasItem(ownSubscription.toString())))
                .body("items.id", not(hasItem(othersSubscription.toString())));
        given().get(BASE + "/" + ownSubscription).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "sam.staff", roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void municipalityStaffGet403() {
        long before = subscriptionsOf(MEMBER);
        given().contentType(ContentType.JSON).body(ORDER).post(BASE).then().statusCode(403);
        given().get(BASE).then().statusCode(403);
        given().delete(BASE + "/" + ownSubscription).then().statusCode(403);
        assertEquals(before, subscriptionsOf(MEMBER));
    }

    @Test
    @TestSecurity(user = "ohne.claim", roles = "municipality-admin")
    void anAdminWithoutMunicipalityClaimGets403() {
        given().contentType(ContentType.JSON).body(ORDER).post(BASE).then().statusCode(403);
        given().get(BASE).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "mia.admin", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void anotherMunicipalitysSubscriptionIsNotFound() {
        given().get(BASE + "/" + ownSubscription).then().statusCode(200).body("municipalityId", equalTo(MEMBER));
        given().get(BASE + "/" + othersSubscription).then().statusCode(404).body("type", endsWith("/not-found"));
        given().delete(BASE + "/" + othersSubscription).then().statusCode(404);
        given().get(BASE + "/" + UUID.randomUUID()).then().statusCode(404);
        given().queryParam("size", 100).get(BASE).then().statusCode(200)
                .body("items.id", hasItem(ownSubscription.toString()))
                .body("items.id", not(hasItem(othersSubscription.toString())))
                .body("items.municipalityId", not(hasItem(OTHER)))
                .body("size", equalTo(100));
        given().queryParam("state", "FAILED").get(BASE).then().statusCode(200)
                .body("items.id", not(hasItem(ownSubscription.toString())));
        assertEquals(SubscriptionState.PROVISIONED, SubscriptionFixtures.subscription(othersSubscription).state);
    }

    @Test
    @TestSecurity(user = "paul.platform", roles = "platform-admin")
    void platformAdminsSeeAllButDoNotOrder() {
        given().queryParam("size", 100).get(BASE).then().statusCode(200)
                .body("items.id", hasItem(ownSubscription.toString()))
                .body("items.id", hasItem(othersSubscription.toString()));
        given().get(BASE + "/" + othersSubscription).then().statusCode(200).body("municipalityId", equalTo(OTHER));
        given().contentType(ContentType.JSON).body(ORDER).post(BASE).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "mia.admin", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void badOrdersNameTheFieldAndWriteNothing() {
        long before = subscriptionsOf(MEMBER);
        badOrder("{\"appSlug\": \"" + SLUG + "\", \"cloudTarget\": \"stackit:eu01\"}", 400, "plan");
        badOrder("{\"appSlug\": \"" + SLUG + "\", \"plan\": \"Basis\"}", 400, "cloudTarget");
        badOrder("{\"plan\": \"Basis\", \"cloudTarget\": \"stackit:eu01\"}", 400, "appSlug");
        badOrder("{\"appSlug\": \"gibt-es-nicht\", \"plan\": \"Basis\", \"cloudTarget\": \"stackit:eu01\"}", 422, "appSlug");
        badOrder("{\"appId\": \"" + UUID.randomUUID() + "\", \"plan\": \"Basis\", \"cloudTarget\": \"stackit:eu01\"}", 422, "appId");
        badOrder("{\"appSlug\": \"" + SLUG + "\", \"plan\": \"Platin\", \"cloudTarget\": \"stackit:eu01\"}", 422, "plan");
        badOrder("{\"appSlug\": \"" + SLUG + "\", \"plan\": \"Basis\", \"cloudTarget\": \"delos:de\"}", 422, "cloudTarget");
        given().contentType(ContentType.JSON).body("{\"appSlug\": ").post(BASE).then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"appId\": \"kein-uuid\", \"plan\": \"Basis\", \"cloudTarget\": \"stackit:eu01\"}")
                .post(BASE).then().statusCode(400).contentType("application/problem+json");
        given().queryParam("size", 0).get(BASE).then().statusCode(400).body("errors.field", hasItem("size"));
        given().queryParam("state", "KAPUTT").get(BASE).then().statusCode(400).body("errors.field", hasItem("state"));
        given().get(BASE + "/kein-uuid").then().statusCode(404);
        assertEquals(before, subscriptionsOf(MEMBER));
    }

    @Test
    @TestSecurity(user = "mia.admin", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void onlyRunningSubscriptionsCanBeDeprovisioned() {
        UUID failed = seededSubscription(MEMBER, appId, SLUG, SubscriptionState.FAILED);
        given().delete(BASE + "/" + failed).then().statusCode(409).body("type", endsWith("/subscription-not-deprovisionable"));
        assertEquals(SubscriptionState.FAILED, SubscriptionFixtures.subscription(failed).state);
    }

    private static void badOrder(String body, int status, String field) {
        given().contentType(ContentType.JSON).body(body).post(BASE).then().statusCode(status)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }
}
