package de.govtech.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import de.govtech.gateway.support.Tokens;
import de.govtech.gateway.support.UpstreamsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** The edge check: tokens are validated by the gateway before anything reaches a service. */
@QuarkusTest
@WithTestResource(UpstreamsResource.class)
class SecurityTest {

    @Test
    void noTokenIsUnauthorized() {
        assertUnauthorized(given(), "/api/v1/membership/applications");
    }

    @Test
    void aForgedTokenIsUnauthorized() {
        assertUnauthorized(given().auth().oauth2(Tokens.forged("mallory")), "/api/v1/membership/applications");
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        assertUnauthorized(given().auth().oauth2(Tokens.expired("late")), "/api/v1/learning/courses");
    }

    @Test
    void aTokenForAnotherAudienceIsUnauthorized() {
        assertUnauthorized(given().auth().oauth2(Tokens.wrongAudience("elsewhere")), "/api/v1/solutions/solutions");
    }

    @Test
    void garbageIsUnauthorized() {
        assertUnauthorized(given().auth().oauth2("not-a-jwt"), "/api/v1/marketplace/orders");
    }

    @Test
    void aValidTokenPasses() {
        given().auth().oauth2(Tokens.valid("alice")).when().get("/api/v1/marketplace/orders")
                .then().statusCode(200).body("path", equalTo("/api/v1/marketplace/orders"));
    }

    @Test
    void publicPathsNeedNoToken() {
        given().when().get("/api/v1/marketplace/catalogue").then().statusCode(200)
                .body("headers.authorization", equalTo(null));
        given().when().get("/api/v1/marketplace/catalogue/apps/123").then().statusCode(200);
        given().when().get("/api/v1/membership/fees/quote?population=12000").then().statusCode(200);
        given().contentType("application/json").body("{\"population\":12000}")
                .when().post("/api/v1/membership/fees/quote").then().statusCode(200).body("method", equalTo("POST"));
        given().when().get("/api/v1/learning/verifications/7f1c").then().statusCode(200);
        given().when().get("/api/v1/learning/issuer").then().statusCode(200);
        given().when().get("/api/v1/learning/issuer/jwks").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void onlyTheListedMethodsArePublic() {
        assertUnauthorized(given().contentType("application/json").body("{}").when().post("/api/v1/marketplace/catalogue").then());
        assertUnauthorized(given().when().delete("/api/v1/membership/fees/quote").then());
        assertUnauthorized(given().contentType("application/json").body("{}").when().post("/api/v1/learning/verifications/7f1c").then());
    }

    @Test
    void pathsNextToPublicOnesStaySecured() {
        assertUnauthorized(given(), "/api/v1/learning/certificates/7f1c");
        assertUnauthorized(given(), "/api/v1/learning/certificates/7f1c/credential");
        assertUnauthorized(given(), "/api/v1/learning/verifications");
        assertUnauthorized(given(), "/api/v1/learning/issuer/keys");
        assertUnauthorized(given(), "/api/v1/learning/issuers");
        assertUnauthorized(given(), "/api/v1/marketplace/catalogue-admin");
    }

    private static void assertUnauthorized(RequestSpecification request, String path) {
        assertUnauthorized(request.when().get(path).then());
    }

    private static void assertUnauthorized(io.restassured.response.ValidatableResponse response) {
        response.statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json")
                .body("type", equalTo("https://govtech-kommunal.de/problems/unauthorized"));
    }
}
