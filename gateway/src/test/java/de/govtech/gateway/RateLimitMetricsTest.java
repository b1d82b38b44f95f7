package de.govtech.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import de.govtech.gateway.support.Tokens;
import de.govtech.gateway.support.UpstreamsResource;
import de.govtech.platform.testkit.MetricNamingRules;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** govtech_gateway_rate_limited_requests_total: every 429 counts, by limit group and caller kind only. */
@QuarkusTest
@WithTestResource(UpstreamsResource.class)
class RateLimitMetricsTest {

    private static final String FAMILY = "govtech_gateway_rate_limited_requests_total";
    private static final Pattern SAMPLE = Pattern.compile("(?m)^" + FAMILY + "\\{([^}]*)} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-z_]+)=\"([^\"]*)\"");

    @Test
    void aRefusedRequestCounts() {
        double before = series(scrape()).get(labels("solutions", "token"));
        String token = Tokens.valid("metrics-caller");
        for (int i = 0; i < 3; i++) { // solutions: 3 requests per hour and caller in the test profile
            given().auth().oauth2(token).when().get("/api/v1/solutions/solutions").then().statusCode(200);
        }
        given().auth().oauth2(token).when().get("/api/v1/solutions/solutions").then().statusCode(429);
        given().auth().oauth2(token).when().get("/api/v1/solutions/solutions").then().statusCode(429);

        assertEquals(before + 2, series(scrape()).get(labels("solutions", "token")));
    }

    @Test
    void theFamilyIsACounterWithHelpAndOnlyGroupAndCallerKindAsLabels() {
        String scrape = scrape();
        Map<Map<String, String>, Double> series = series(scrape);

        assertTrue(scrape.contains("# TYPE " + FAMILY + " counter"), "typed as a counter");
        assertTrue(scrape.lines().anyMatch(line -> line.startsWith("# HELP " + FAMILY + " ") && line.length() > 60),
                "has help text");
        for (String group : new String[] { "membership", "learning", "solutions", "marketplace", "api-docs" }) {
            assertTrue(series.containsKey(labels(group, "anonymous")), group + " anonymous is there from the start");
            assertTrue(series.containsKey(labels(group, "token")), group + " token is there from the start");
        }
        series.keySet().forEach(labels -> assertEquals(java.util.Set.of("caller_kind", "limit_group"), labels.keySet(),
                "no label names the caller: " + labels));
    }

    @Test
    void theScrapeFollowsThePrometheusNamingConventions() {
        assertEquals(List.of(), MetricNamingRules.violations(scrape()), "promtool check metrics would complain");
    }

    private static Map<String, String> labels(String group, String callerKind) {
        return new TreeMap<>(Map.of("limit_group", group, "caller_kind", callerKind));
    }

    private static Map<Map<String, String>, Double> series(String scrape) {
        Map<Map<String, String>, Double> series = new HashMap<>();
        Matcher sample = SAMPLE.matcher(scrape);
        while (sample.find()) {
            Map<String, String> labels = new TreeMap<>();
            Matcher label = LABEL.matcher(sample.group(1));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            series.put(labels, Double.parseDouble(sample.group(2)));
        }
        assertTrue(!series.isEmpty(), FAMILY + " is scraped");
        return series;
    }

    private static String scrape() {
        return given().auth().oauth2(Tokens.valid("prometheus")).accept("text/plain")
                .when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
