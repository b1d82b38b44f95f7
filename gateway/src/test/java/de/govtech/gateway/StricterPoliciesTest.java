package de.govtech.gateway;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.junit.jupiter.api.Test;

import de.govtech.gateway.support.Tokens;
import de.govtech.gateway.support.UpstreamsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * EarlyAdmission never lets through what a path policy would refuse: a secured path below a public one, and a roles
 * policy a remembered token does not satisfy.
 */
@QuarkusTest
@TestProfile(StricterPoliciesTest.WithDraftsAndAdmins.class)
@WithTestResource(UpstreamsResource.class)
class StricterPoliciesTest {

    public static class WithDraftsAndAdmins implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "govtech.gateway.upstream-timeout", "10s", // the forwarding is not under test here
                    "quarkus.http.auth.permission.drafts.paths", "/api/v1/marketplace/catalogue/drafts/*",
                    "quarkus.http.auth.permission.drafts.policy", "authenticated",
                    "quarkus.http.auth.policy.admins.roles-allowed", "platform-admin",
                    "quarkus.http.auth.permission.admins.paths", "/api/v1/membership/admin/*",
                    "quarkus.http.auth.permission.admins.policy", "admins");
        }
    }

    @Test
    void aSecuredPathBelowAPublicOneNeedsAToken() {
        given().when().get("/api/v1/marketplace/catalogue/apps").then().statusCode(200);

        given().when().get("/api/v1/marketplace/catalogue/drafts/1").then().statusCode(401);
    }

    @Test
    void aRememberedTokenWithoutTheRoleIsStillForbidden() {
        String token = Tokens.valid("grace");
        given().auth().oauth2(token).when().get("/api/v1/membership/municipalities").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/membership/municipalities").then().statusCode(200);

        given().auth().oauth2(token).when().get("/api/v1/membership/admin/settings").then().statusCode(403);
        given().auth().oauth2(token).when().get("/api/v1/membership/admin/settings").then().statusCode(403);
    }
}
