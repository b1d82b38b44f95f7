package de.govtech.marketplace.subscriptions;

import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.publishedApp;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.seededSubscription;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code govtech_marketplace_subscriptions{state}} on /q/metrics: from the periodic count, not a query per scrape. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class SubscriptionGaugeTest {

    static final String MUNI = "5a1b0000-0000-4000-8000-0000000000b3";

    @Inject
    SubscriptionGauge gauge;

    private static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static long value(String scrape, SubscriptionState state) {
        Matcher m = Pattern.compile("(?m)^govtech_marketplace_subscriptions\\{[^}]*state=\"" + state.name()
                + "\"[^}]*} ([0-9.E+-]+)$").matcher(scrape);
        assertTrue(m.find(), "no sample for " + state + " in the scrape");
        return (long) Double.parseDouble(m.group(1));
    }

    @Test
    void subscriptionsByStateFromThePeriodicCount() {
        Map<SubscriptionState, Long> counted = gauge.count();
        String scrape = scrape();
        assertTrue(scrape.contains("# TYPE govtech_marketplace_subscriptions gauge"), "a gauge");
        assertTrue(scrape.contains("# HELP govtech_marketplace_subscriptions "), "with help text");
        assertFalse(scrape.contains("govtech_marketplace_subscriptions_total"), "a gauge has no _total suffix");
        for (SubscriptionState state : SubscriptionState.values()) {
            assertEquals(counted.get(state), value(scrape, state), state.name());
        }

        UUID app = publishedApp("abo-zaehlung", URI.create("http://localhost:9"), "Basis");
        seededSubscription(MUNI, app, "abo-zaehlung", SubscriptionState.SUSPENDED);
        assertEquals(counted.get(SubscriptionState.SUSPENDED), value(scrape(), SubscriptionState.SUSPENDED),
                "a scrape reads the last count, it does not count");

        gauge.count();
        assertEquals(counted.get(SubscriptionState.SUSPENDED) + 1, value(scrape(), SubscriptionState.SUSPENDED));
    }
}
