package de.govtech.platform.support.input;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import de.govtech.platform.support.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Input a service cannot use is refused with a 400 that names it, never a 404 or 500. */
@QuarkusTest
class InputRefusalTest {

    private static final String TYPES = "https://govtech-kommunal.de/problems/";

    @Test
    void unparsableQueryParametersAre400NamingTheParameter() {
        given().when().get("/samples?owner=not-a-uuid")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(TYPES + "validation-failed"))
                .body("errors.field", contains("owner"))
                .body("errors.message", contains("must be a UUID"));
        given().when().get("/samples?kind=DORF")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", contains("kind"))
                .body("errors.message", contains("must be one of: GEMEINDE, STADT"));
        given().when().get("/samples?since=yesterday")
                .then().statusCode(400).body("errors.field", contains("since"));
        given().when().get("/samples?page=first")
                .then().statusCode(400).body("errors.field", contains("page"))
                .body("errors.message", contains("must be an integer"));
        given().when().get("/samples?kind=stadt&owner=0d6f1f5e-4c3e-4a55-9b53-5d1f8a0c2b11&since=2026-01-31")
                .then().statusCode(200);
    }

    @Test
    void unparsablePathParameterStillNamesNoResource() {
        given().when().get("/samples/by-owner/not-a-uuid").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void pagesBeyondTheLastServedPageAre400() {
        given().when().get("/samples?page=10001&size=100")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", contains("page"));
        given().when().get("/samples?page=2147483647&size=100").then().statusCode(400);
        given().when().get("/samples?page=10000&size=100").then().statusCode(200);
    }

    @Test
    void nulInPathOrQueryIs400() {
        given().urlEncodingEnabled(false).when().get("/samples/by-owner/%00")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(TYPES + "validation-failed"));
        given().urlEncodingEnabled(false).when().get("/samples?q=a%00b")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", contains("q"));
    }

    @Test
    void malformedPercentEncodingIs400() throws IOException {
        // no HTTP client library sends such a URI, so the request is written by hand
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.getOutputStream().write("GET /samples?q=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // the HTTP server refuses it before any JAX-RS code runs: a 400, though without a problem body
            assertTrue(response.startsWith("HTTP/1.1 400"), response);
        }
    }

    @Test
    void nulInABodyStringIs400NamingTheProperty() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"Ten\\u0000gen\",\"address\":{\"street\":\"Markt 1\",\"postal_code\":\"78250\"}}")
                .when().post("/samples")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", contains("name"))
                .body("errors.message", contains("must not contain the NUL character (U+0000)"));
    }

    @Test
    void unknownBodyPropertyIs400NamingIt() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"Tengen\",\"mayor\":\"x\",\"address\":{\"street\":\"Markt 1\",\"postal_code\":\"78250\"}}")
                .when().post("/samples")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", contains("mayor"))
                .body("errors.message", contains("is not a known property"));
    }

    @Test
    void aRaceTheServiceDidNotAnticipateIsAConflictNotA500() {
        given().when().get("/samples/race")
                .then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(TYPES + "conflict"));
    }

    @Test
    void aDatabaseOutOfReachIsA503ToRetryNotA500() {
        given().when().get("/samples/database-away")
                .then().statusCode(503).contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", "5")
                .body("type", equalTo(TYPES + "service-unavailable"));
    }
}
