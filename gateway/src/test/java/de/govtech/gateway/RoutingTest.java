package de.govtech.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.govtech.gateway.support.Tokens;
import de.govtech.gateway.support.UpstreamsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(UpstreamsResource.class)
class RoutingTest {

    private static final String TOKEN = Tokens.valid("routing-user");

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void forwardsMethodPathQueryAndHeaders() {
        for (String area : new String[] { "membership", "learning", "solutions", "marketplace" }) {
            given().auth().oauth2(TOKEN).header("X-Custom", "kept").header("Accept-Language", "de")
                    .queryParam("page", 2).queryParam("q", "Bad Säckingen")
                    .when().delete("/api/v1/" + area + "/things/42")
                    .then().statusCode(200)
                    .header("X-Upstream", "echo")
                    .body("method", equalTo("DELETE"))
                    .body("path", equalTo("/api/v1/" + area + "/things/42"))
                    .body("query", equalTo("page=2&q=Bad%20S%C3%A4ckingen"))
                    .body("headers.authorization", equalTo("Bearer " + TOKEN))
                    .body("headers.x-custom", equalTo("kept"))
                    .body("headers.accept-language", equalTo("de"))
                    .body("headers.x-forwarded-proto", equalTo("http"))
                    .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                    .body("headers.x-forwarded-host", startsWith("localhost:"));
        }
    }

    @Test
    void dropsHopByHopHeadersBothWays() {
        given().auth().oauth2(TOKEN).header("Connection", "keep-alive, X-Secret-Hop").header("X-Secret-Hop", "x")
                .header("Proxy-Authorization", "Basic abc")
                .when().get("/api/v1/membership/ping")
                .then().statusCode(200)
                .body("headers.x-secret-hop", nullValue())
                .body("headers.proxy-authorization", nullValue())
                .header("X-Upstream-Private", nullValue());
    }

    @Test
    void keepsTheUpstreamStatus() {
        given().auth().oauth2(TOKEN).queryParam("status", 201)
                .when().post("/api/v1/learning/courses")
                .then().statusCode(201);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(HttpClient.Version.class)
    void streamsALargeChunkedUploadToTheUpstream(HttpClient.Version version) throws Exception {
        byte[] block = new byte[1024 * 1024];
        new Random(7).nextBytes(block);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < 5; i++) {
            sha.update(block);
        }
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/solutions/uploads"))
                .header("Authorization", "Bearer " + Tokens.valid("upload-user"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> repeat(block, 5))) // no length: chunked
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(version).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode echo = new ObjectMapper().readTree(response.body());
        assertEquals(5L * block.length, echo.get("bodyLength").asLong());
        assertEquals(HexFormat.of().formatHex(sha.digest()), echo.get("bodySha256").asText());
    }

    @Test
    void streamsALargeUploadWithContentLength() throws Exception {
        byte[] body = new byte[3 * 1024 * 1024];
        new Random(11).nextBytes(body);
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/membership/documents"))
                .header("Authorization", "Bearer " + TOKEN)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode echo = new ObjectMapper().readTree(response.body());
        assertEquals(body.length, echo.get("bodyLength").asLong());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)),
                echo.get("bodySha256").asText());
    }

    @Test
    void streamsALargeDownloadBack() throws Exception {
        long size = 6L * 1024 * 1024 + 17;
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/learning/exports?download=" + size))
                .header("Authorization", "Bearer " + TOKEN).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        long count = 0;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0;) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != (byte) ((count + i) % 251)) {
                        throw new AssertionError("byte " + (count + i) + " differs");
                    }
                }
                count += n;
            }
        }
        assertEquals(size, count);
    }

    @Test
    void anUpstreamThatIsDownIsABadGatewayProblemAtOnce() {
        warmUp();
        long start = System.nanoTime();
        given().auth().oauth2(TOKEN)
                .when().get("/api/v1/offline/anything")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("https://govtech-kommunal.de/problems/bad-gateway"))
                .body("detail", equalTo("The offline service is not reachable."))
                .body("instance", equalTo("/api/v1/offline/anything"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, took.toString());
    }

    @Test
    void aSlowUpstreamIsAGatewayTimeoutProblemAfterTheConfiguredTimeout() {
        warmUp();
        long start = System.nanoTime();
        given().auth().oauth2(TOKEN).queryParam("delay", 5000)
                .when().get("/api/v1/marketplace/apps")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("https://govtech-kommunal.de/problems/gateway-timeout"))
                .body("detail", equalTo("The marketplace service did not answer in time."));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // timeout is 1 s in the test profile
        assertTrue(took.compareTo(Duration.ofMillis(900)) > 0 && took.compareTo(Duration.ofSeconds(4)) < 0, took.toString());
    }

    /** The first request of a test JVM is slow on the client side; timing assertions measure the gateway only. */
    private static void warmUp() {
        given().auth().oauth2(TOKEN).when().get("/api/v1/marketplace/warm-up").then().statusCode(200);
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }

    private static InputStream repeat(byte[] block, int times) {
        InputStream stream = InputStream.nullInputStream();
        for (int i = 0; i < times; i++) {
            stream = new SequenceInputStream(stream, new java.io.ByteArrayInputStream(block));
        }
        return stream;
    }
}
