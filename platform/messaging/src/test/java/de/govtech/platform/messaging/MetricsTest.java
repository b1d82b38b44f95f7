package de.govtech.platform.messaging;

import de.govtech.platform.testkit.MetricNamingRules;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The metrics a service with this library serves follow the Prometheus conventions and include the platform's own. */
@QuarkusTest
@RealInfrastructure
class MetricsTest {

    private static final List<String> PLATFORM_METRICS = List.of(
            "govtech_outbox_pending_events",
            "govtech_outbox_oldest_pending_age_seconds",
            "govtech_outbox_parked_current",
            "govtech_inbox_dead_letters_total{consumer=\"" + TestMemberProjection.CONSUMER + "\"");

    @Test
    void theScrapeFollowsThePrometheusNamingConventions() {
        String scrape = scrape();

        assertEquals(List.of(), MetricNamingRules.violations(scrape), "promtool check metrics would complain");
    }

    @Test
    void thePlatformsOwnMetricsArePresentFromTheStart() {
        String scrape = scrape();

        for (String metric : PLATFORM_METRICS) {
            assertTrue(scrape.lines().anyMatch(line -> line.startsWith(metric + " ") || line.startsWith(metric + ",")
                    || line.startsWith(metric + "}")), () -> metric + " is scraped");
        }
    }

    private static String scrape() {
        return given().accept("text/plain").when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
