package de.govtech.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import de.govtech.gateway.support.Tokens;
import de.govtech.gateway.support.UpstreamsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * http_server_requests_seconds counts forwarded requests by route group, method and status: never by their concrete
 * path, which would be one time series per municipality or listing id (until Micrometer's cap drops new ones).
 */
@QuarkusTest
@WithTestResource(UpstreamsResource.class)
class HttpMetricsTest {

    private static final Pattern URI = Pattern.compile("(?m)^http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"");

    @Test
    void forwardedRequestsAreCountedByRouteGroupNotByPath() {
        String token = Tokens.valid("http-metrics-caller");
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String refused = UUID.randomUUID().toString();
        double okBefore = count(scrape(), "GET", "200", "/api/v1/membership/**");
        double refusedBefore = count(scrape(), "GET", "401", "/api/v1/membership/**");

        given().auth().oauth2(token).when().get("/api/v1/membership/municipalities/" + first).then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/membership/municipalities/" + second).then().statusCode(200);
        given().when().get("/api/v1/membership/municipalities/" + refused).then().statusCode(401);

        String scrape = awaitCount("GET", "200", "/api/v1/membership/**", okBefore + 2);
        assertEquals(refusedBefore + 1, count(scrape, "GET", "401", "/api/v1/membership/**"),
                "a request refused before forwarding is named by its route group too");
        List<String> uris = URI.matcher(scrape).results().map(match -> match.group(1)).toList();
        for (String id : List.of(first, second, refused)) {
            assertTrue(uris.stream().noneMatch(uri -> uri.contains(id)), "no series names the path of " + id + ": " + uris);
        }
    }

    @Test
    void aPublicReadIsCountedByItsRouteGroup() {
        double before = count(scrape(), "GET", "200", "/api/v1/marketplace/**");

        given().when().get("/api/v1/marketplace/catalogue/apps?q=" + UUID.randomUUID()).then().statusCode(200);

        awaitCount("GET", "200", "/api/v1/marketplace/**", before + 1);
    }

    /** The timer is stopped when the response has ended, which the caller may see a moment before. */
    private static String awaitCount(String method, String status, String uri, double expected) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        String scrape = scrape();
        while (count(scrape, method, status, uri) < expected && System.nanoTime() < deadline) {
            scrape = scrape();
        }
        assertEquals(expected, count(scrape, method, status, uri), method + " " + status + " " + uri);
        return scrape;
    }

    private static double count(String scrape, String method, String status, String uri) {
        Matcher sample = Pattern.compile("(?m)^http_server_requests_seconds_count\\{([^}]*)} (\\S+)$").matcher(scrape);
        double total = 0;
        while (sample.find()) {
            String labels = sample.group(1);
            if (labels.contains("method=\"" + method + "\"") && labels.contains("status=\"" + status + "\"")
                    && labels.contains("uri=\"" + uri + "\"")) {
                total += Double.parseDouble(sample.group(2));
            }
        }
        return total;
    }

    private static String scrape() {
        return given().auth().oauth2(Tokens.valid("prometheus")).accept("text/plain")
                .when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
