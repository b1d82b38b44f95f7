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
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.BASE;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.joinThroughKafka;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.publishedApp;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.subscriptionsOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** POST /subscriptions with an Idempotency-Key: a retry, or a second click at the same moment, never orders twice. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class IdempotentOrderTest {

    static final String SLUG = "abo-idempotent-app";
    static final String RETRYING = "6b2c0000-0000-4000-8000-0000000000a1";
    static final String CLICKING = "6b2c0000-0000-4000-8000-0000000000a2";
    static final String NEIGHBOUR = "6b2c0000-0000-4000-8000-0000000000a3";
    static final String ORDER = "{\"appSlug\": \"" + SLUG + "\", \"plan\": \"Basis\", \"cloudTarget\": \"stackit:eu01\"}";
    static final String OTHER_ORDER = "{\"appSlug\": \"" + SLUG + "\", \"plan\": \"Premium\", \"cloudTarget\": \"stackit:eu01\"}";

    static boolean seeded;

    @BeforeEach
    void seed() {
        if (!seeded) {
            // a broker that is never reached: what matters here is how many orders there are
            publishedApp(SLUG, URI.create("http://localhost:1"), "Basis", "Premium");
            joinThroughKafka(RETRYING);
            joinThroughKafka(CLICKING);
            joinThroughKafka(NEIGHBOUR);
            seeded = true;
        }
    }

    @Test
    @TestSecurity(user = "rita.retry", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = RETRYING))
    void aRetryWithTheSameKeyAnswersTheFirstOrderAndOrdersNothingNew() {
        String first = order("retry-1", ORDER).then().statusCode(201).header("Idempotent-Replayed", nullValue())
                .extract().path("id");

        order("retry-1", ORDER).then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", org.hamcrest.Matchers.endsWith("/subscriptions/" + first))
                .body("id", equalTo(first));
        assertEquals(1, subscriptionsOf(RETRYING));

        order("retry-1", OTHER_ORDER).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://govtech-kommunal.de/problems/idempotency-key-reused"))
                .body("errors.field", hasItem("Idempotency-Key"));
        order("two words", ORDER).then().statusCode(400).contentType("application/problem+json");
        assertEquals(1, subscriptionsOf(RETRYING), "neither the other order nor the malformed key ordered anything");

        String second = order("retry-2", ORDER).then().statusCode(201).extract().path("id");
        assertNotEquals(first, second, "another key is another order");
    }

    @Test
    @TestSecurity(user = "nina.neighbour", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = NEIGHBOUR))
    void anotherMunicipalitysKeyIsItsOwn() {
        order("shared-key", ORDER).then().statusCode(201).header("Idempotent-Replayed", nullValue());
        assertEquals(1, subscriptionsOf(NEIGHBOUR));
    }

    @Test
    @TestSecurity(user = "carl.clicker", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = CLICKING))
    void eightRequestsWithOneKeyAtTheSameMomentOrderOnce() throws Exception {
        ExecutorService clicks = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> requests = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                requests.add(() -> order("double-click", ORDER));
            }
            Set<String> ids = new java.util.HashSet<>();
            for (Future<Response> answer : clicks.invokeAll(requests)) {
                Response response = answer.get();
                assertEquals(201, response.statusCode(), response.asString());
                ids.add(response.path("id"));
            }
            assertEquals(1, ids.size(), "every request got the same order: " + ids);
            assertEquals(1, subscriptionsOf(CLICKING));
        } finally {
            clicks.shutdownNow();
        }
    }

    private static Response order(String idempotencyKey, String body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey).body(body).post(BASE);
    }
}
