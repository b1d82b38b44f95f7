package de.govtech.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import de.govtech.gateway.support.Tokens;
import de.govtech.gateway.support.UpstreamsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Keycloak unreachable: secured paths answer 503 problems (never a plain 500), public paths keep working. */
@QuarkusTest
@TestProfile(IdentityProviderDownTest.KeycloakDown.class)
@WithTestResource(UpstreamsResource.class)
class IdentityProviderDownTest {

    public static class KeycloakDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // no local key: the tenant has to ask the (absent) server for its keys
            return Map.of("quarkus.oidc.public-key", "", "quarkus.oidc.auth-server-url", "http://localhost:1/realms/govtech");
        }
    }

    @Test
    void securedPathsAnswerServiceUnavailable() {
        given().auth().oauth2(Tokens.valid("someone")).when().get("/api/v1/membership/applications")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://govtech-kommunal.de/problems/service-unavailable"));
    }

    @Test
    void publicPathsStillWork() {
        given().when().get("/api/v1/marketplace/catalogue").then().statusCode(200);
    }
}
