package de.govtech.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import de.govtech.gateway.support.SecurityChainRuns;
import de.govtech.gateway.support.Tokens;
import de.govtech.gateway.support.UpstreamsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Requests whose outcome is known before Quarkus security's chain runs are forwarded without it: an anonymous read of
 * a public path and a read with a token accepted before. The refusals stay the chain's (SecurityTest, TokenCacheTest).
 */
@QuarkusTest
@WithTestResource(UpstreamsResource.class)
class EarlyAdmissionTest {

    @Inject
    SecurityChainRuns chain;

    @Test
    void anAnonymousReadOfAPublicPathSkipsTheSecurityChain() {
        int before = chain.admitted();

        for (int i = 0; i < 3; i++) {
            given().when().get("/api/v1/marketplace/catalogue/apps?q=x")
                    .then().statusCode(200)
                    .header("RateLimit-Limit", equalTo("1200"))
                    .body("path", equalTo("/api/v1/marketplace/catalogue/apps"));
        }

        assertEquals(before, chain.admitted());
    }

    @Test
    void aRememberedTokenSkipsTheSecurityChainAfterItsFirstCheck() {
        String token = Tokens.valid("frank");
        given().auth().oauth2(token).when().get("/api/v1/membership/municipalities").then().statusCode(200);
        int afterFirst = chain.admitted();

        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/api/v1/membership/municipalities")
                    .then().statusCode(200)
                    .body("headers.authorization", equalTo("Bearer " + token));
        }

        assertEquals(afterFirst, chain.admitted());
    }

    @Test
    void whatIsNotPublicForItsMethodStillGoesThroughTheChain() {
        given().when().post("/api/v1/marketplace/catalogue/apps").then().statusCode(401);
        given().when().get("/api/v1/learning/verifications").then().statusCode(401);
        given().when().get("/api/v1/membership/municipalities").then().statusCode(401);
        int before = chain.admitted();

        given().when().get("/api/v1/learning/verifications/abc").then().statusCode(200);
        given().when().post("/api/v1/membership/fees/quote").then().statusCode(200);

        assertEquals(before, chain.admitted());
    }
}
