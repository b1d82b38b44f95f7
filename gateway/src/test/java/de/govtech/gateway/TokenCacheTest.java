package de.govtech.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import de.govtech.gateway.support.Tokens;
import de.govtech.gateway.support.UpstreamsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The gateway remembers tokens it has accepted (ValidatedTokens), so their signature is verified once. What it
 * remembers must never let through a token the identity provider's check would refuse.
 */
@QuarkusTest
@WithTestResource(UpstreamsResource.class)
class TokenCacheTest {

    private static final String PATH = "/api/v1/marketplace/orders";

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() throws InterruptedException {
        Instant exp = Instant.now().plusSeconds(3);
        String token = Tokens.expiringAt("short-lived", exp);
        given().auth().oauth2(token).when().get(PATH).then().statusCode(200);
        given().auth().oauth2(token).when().get(PATH).then().statusCode(200); // now from the cache

        while (Instant.now().isBefore(exp.plusMillis(1500))) {
            Thread.sleep(200);
        }
        given().auth().oauth2(token).when().get(PATH).then().statusCode(401)
                .body("type", equalTo("https://govtech-kommunal.de/problems/unauthorized"));
    }

    @Test
    void aTokenOfAnotherIssuerIsRefusedWhileTheSameSubjectsTokenIsRemembered() {
        given().auth().oauth2(Tokens.valid("carol")).when().get(PATH).then().statusCode(200);

        given().auth().oauth2(Tokens.otherIssuer("carol")).when().get(PATH).then().statusCode(401);
    }

    @Test
    void aRememberedTokenWithAnotherSignatureIsRefused() {
        String token = Tokens.valid("dave");
        given().auth().oauth2(token).when().get(PATH).then().statusCode(200);

        String payloadOnly = token.substring(0, token.lastIndexOf('.') + 1);
        String otherSignature = Tokens.forged("dave");
        given().auth().oauth2(payloadOnly + otherSignature.substring(otherSignature.lastIndexOf('.') + 1))
                .when().get(PATH).then().statusCode(401);
        given().auth().oauth2(Tokens.forged("dave")).when().get(PATH).then().statusCode(401);
        given().auth().oauth2(token).when().get(PATH).then().statusCode(200);
    }

    @Test
    void aRememberedTokenStillNamesItsCallerUpstreamAndInTheRateLimit() {
        String token = Tokens.valid("erin");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token).when().get(PATH)
                    .then().statusCode(200)
                    .body("headers.authorization", equalTo("Bearer " + token));
        }
        // solutions allows 3 per hour and caller in the test profile: the cached identity is the same caller
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/api/v1/solutions/solutions").then().statusCode(200);
        }
        given().auth().oauth2(token).when().get("/api/v1/solutions/solutions").then().statusCode(429);
    }
}
