package de.govtech.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import java.util.List;

import org.jboss.logmanager.ExtLogRecord;

import de.govtech.gateway.support.LogCapture;
import de.govtech.gateway.support.StartedSpans;
import de.govtech.gateway.support.Tokens;
import de.govtech.gateway.support.UpstreamsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Request ids, trace context, rate limits and the body size limit. */
@QuarkusTest
@WithTestResource(UpstreamsResource.class)
class EdgeTest {

    @Inject
    StartedSpans startedSpans;

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String TOKEN = Tokens.valid("edge-user");

    @TestHTTPResource("/")
    URL base;

    @Test
    void aCallersRequestIdIsForwardedAndReturnedOnce() {
        io.restassured.response.Response response = given().auth().oauth2(TOKEN).header("X-Request-Id", "abc-123")
                .when().get("/api/v1/membership/members");
        response.then().statusCode(200)
                .header("X-Request-Id", "abc-123")
                .body("headers.x-request-id", equalTo("abc-123"));
        assertEquals(List.of("abc-123"), response.headers().getValues("X-Request-Id"),
                "the service echoes the id too; the caller sees it once");
    }

    @Test
    void aMissingOrMalformedRequestIdIsReplacedByAUuid() {
        String id = given().auth().oauth2(TOKEN).header("X-Request-Id", "bad id with spaces")
                .when().get("/api/v1/membership/members")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID))
                .extract().header("X-Request-Id");
        given().auth().oauth2(TOKEN).when().get("/api/v1/membership/members")
                .then().header("X-Request-Id", matchesPattern(UUID))
                .header("X-Request-Id", not(equalTo(id)));
    }

    @Test
    void refusalsCarryTheRequestIdToo() {
        given().header("X-Request-Id", "refused-1").when().get("/api/v1/membership/members")
                .then().statusCode(401).header("X-Request-Id", "refused-1");
    }

    @Test
    void theUpstreamJoinsTheCallersTraceWithTheGatewaysSpanAsParent() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callersSpan = "00f067aa0ba902b7";
        String forwarded = given().auth().oauth2(TOKEN).header("traceparent", "00-" + traceId + "-" + callersSpan + "-01")
                .when().get("/api/v1/learning/courses")
                .then().statusCode(200)
                .extract().path("headers.traceparent");

        assertTrue(forwarded.matches("00-" + traceId + "-[0-9a-f]{16}-01"), "another trace went upstream: " + forwarded);
        assertNotEquals("00-" + traceId + "-" + callersSpan + "-01", forwarded,
                "the caller's span went upstream as the parent, not the gateway's own");
    }

    @Test
    void withoutAnEndpointTheGatewayRecordsNoSpanEvenForASampledCaller() {
        String traceId = "5cf92f3577b34da6a3ce929d0e0e4737";
        String forwarded = given().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .when().get("/api/v1/marketplace/catalogue/apps")
                .then().statusCode(200)
                .extract().path("headers.traceparent");

        assertTrue(forwarded.matches("00-" + traceId + "-[0-9a-f]{16}-01"), "another trace went upstream: " + forwarded);
        assertEquals(0, startedSpans.inTrace(traceId), "the gateway's HTTP instrumentation recorded spans");
    }

    @Test
    void theGatewaysOwnLogLinesNameTheTraceAndItsSpan() {
        String traceId = "6df92f3577b34da6a3ce929d0e0e4738";
        String callersSpan = "00f067aa0ba902b7";
        List<ExtLogRecord> lines;
        try (LogCapture proxyLog = LogCapture.of("de.govtech.gateway.routing.UpstreamProxy")) {
            given().auth().oauth2(TOKEN).header("traceparent", "00-" + traceId + "-" + callersSpan + "-00")
                    .when().get("/api/v1/offline/logged")
                    .then().statusCode(502);
            lines = proxyLog.lines();
        }

        ExtLogRecord failure = lines.stream().filter(line -> line.getFormattedMessage().contains("/api/v1/offline/logged"))
                .findFirst().orElseThrow(() -> new AssertionError("no log line of the failed forwarding"));
        assertEquals(traceId, failure.getMdc("traceId"));
        assertTrue(failure.getMdc("spanId").matches("[0-9a-f]{16}") && !callersSpan.equals(failure.getMdc("spanId")),
                "the gateway's own span: " + failure.getMdc("spanId"));
    }

    @Test
    void aTraceIsStartedWhenTheCallerHasNone() {
        String first = given().auth().oauth2(TOKEN).when().get("/api/v1/learning/courses")
                .then().statusCode(200).extract().path("headers.traceparent");
        String second = given().auth().oauth2(TOKEN).when().get("/api/v1/learning/courses")
                .then().statusCode(200).extract().path("headers.traceparent");

        assertTrue(first.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"), first);
        assertNotEquals(first.substring(3, 35), second.substring(3, 35), "two requests, one trace");
    }

    @Test
    void theRateLimitAnswers429WithHeadersAfterTheConfiguredNumberOfCalls() {
        // solutions: 3 requests per hour and caller in the test profile
        String token = Tokens.valid("busy-caller");
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().auth().oauth2(token).when().get("/api/v1/solutions/solutions")
                    .then().statusCode(200)
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", String.valueOf(remaining));
        }
        var refused = given().auth().oauth2(token).when().get("/api/v1/solutions/solutions")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://govtech-kommunal.de/problems/too-many-requests"))
                .header("RateLimit-Limit", "3")
                .header("RateLimit-Remaining", "0")
                .extract();
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        long reset = Long.parseLong(refused.header("RateLimit-Reset"));
        assertTrue(retryAfter > 0 && retryAfter <= 1200, "Retry-After " + retryAfter); // one token per 20 min
        assertTrue(reset >= retryAfter && reset <= 3600, "RateLimit-Reset " + reset);

        // another caller, and the same caller on another route group, are not affected
        given().auth().oauth2(Tokens.valid("calm-caller")).when().get("/api/v1/solutions/solutions").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/learning/courses").then().statusCode(200);
    }

    @Test
    void anonymousCallersOfTheApiDocumentsAreLimitedByAddress() throws InterruptedException {
        // api-docs: 12 requests per 12 s and caller in the test profile (a refill of one per second, which even a
        // heavily loaded machine outpaces); every test here calls from 127.0.0.1
        int answered = 0;
        var refused = given().when().get("/api/v1/openapi.yaml").then().extract();
        while (refused.statusCode() == 200 && answered < 200) {
            answered++;
            refused = given().when().get(answered % 2 == 0 ? "/api/v1/openapi.yaml" : "/q/openapi").then().extract();
        }
        assertEquals(429, refused.statusCode(), "never limited after " + answered + " anonymous requests");
        assertEquals("application/problem+json", refused.contentType());
        assertEquals("12", refused.header("RateLimit-Limit"));
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1);
        // the service routes are a group of their own
        given().auth().oauth2(Tokens.valid("docs-reader")).when().get("/api/v1/learning/courses").then().statusCode(200);
        // the allowance refills, so the other tests read the documents again
        Thread.sleep(Long.parseLong(refused.header("RateLimit-Reset")) * 1000 + 500);
        given().when().get("/api/v1/openapi.yaml").then().statusCode(200);
    }

    @Test
    void aDeclaredBodyAboveTheLimitIs413BeforeAnyOfItIsSent() throws Exception {
        // limit is 8M in the test profile; the body is announced but never sent: the answer must not wait for it
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5000);
            String head = "POST /api/v1/membership/documents HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + (9L * 1024 * 1024) + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("HTTP/1.1 413 Request Entity Too Large", reader.readLine());
            StringBuilder rest = new StringBuilder();
            char[] buffer = new char[4096];
            for (int n; !rest.toString().contains("}") && (n = reader.read(buffer)) > 0;) {
                rest.append(buffer, 0, n);
            }
            assertTrue(rest.toString().toLowerCase().contains("content-type: application/problem+json"), rest.toString());
            assertTrue(rest.toString().contains("https://govtech-kommunal.de/problems/content-too-large"), rest.toString());
        }
    }

    @Test
    void aChunkedBodyAboveTheLimitIs413() throws Exception {
        byte[] block = new byte[1024 * 1024];
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + "/api/v1/membership/documents"))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> {
                    InputStream stream = InputStream.nullInputStream();
                    for (int i = 0; i < 10; i++) {
                        stream = new SequenceInputStream(stream, new ByteArrayInputStream(block));
                    }
                    return stream;
                }))
                .build();
        HttpResponse<String> response;
        try (LogCapture upstreamClientLog = LogCapture.of("io.vertx.core.http.impl.HttpClientRequestImpl")) {
            try {
                response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException closedWhileSending) {
                response = null; // the gateway may close the connection before the client has finished sending: also a refusal
            }
            Thread.sleep(500); // the upstream request's reset is reported on the event loop after the answer
            assertEquals(List.of(), upstreamClientLog.lines().stream().map(ExtLogRecord::getFormattedMessage).toList(),
                    "the gateway's own reset of the upstream request is not logged as an error");
        }
        if (response != null) {
            assertEquals(413, response.statusCode(), response.body());
            assertTrue(response.body().contains("content-too-large"), response.body());
        }
    }

    @Test
    void corsPreflightIsAnsweredForConfiguredOrigins() {
        given().header("Origin", "https://portal.example").header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/membership/applications")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://portal.example");
    }

    @Test
    void corsPreflightFromAnotherOriginIsRefused() {
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/membership/applications")
                .then().statusCode(403);
    }
}
