package de.govtech.deploy.local;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeycloakLoginTest {

    private static String jwt(String claimsJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    @Test
    void logsInWithThePasswordGrantOfTheCliClientAndReadsTheClaims() throws IOException {
        String token = jwt("{\"preferred_username\":\"dev-vendor\",\"vendor_id\":\"v-1\"}");
        try (StubHttpServer keycloak = new StubHttpServer().reply(200, "{\"access_token\":\"" + token + "\"}")) {
            KeycloakLogin.AccessToken access = new KeycloakLogin(keycloak.baseUrl() + "/realms/govtech").login("dev-vendor");

            assertEquals(token, access.value());
            assertEquals("v-1", access.claim("vendor_id"));
            assertEquals(null, access.claim("municipality_id"));
            StubHttpServer.Request request = keycloak.requests.get(0);
            assertEquals("/realms/govtech/protocol/openid-connect/token", request.path());
            assertEquals("application/x-www-form-urlencoded", request.header("Content-Type"));
            for (String part : new String[] {"grant_type=password", "client_id=govtech-cli", "username=dev-vendor",
                "password=dev-vendor"}) {
                assertTrue(("&" + request.body() + "&").contains("&" + part + "&"), request.body());
            }
        }
    }

    @Test
    void aRefusedLoginIsASeedExceptionWithKeycloaksAnswer() throws IOException {
        try (StubHttpServer keycloak = new StubHttpServer().reply(400, "{\"error\":\"invalid_grant\"}")) {
            SeedException e = assertThrows(SeedException.class,
                    () -> new KeycloakLogin(keycloak.baseUrl() + "/realms/govtech").login("dev-vendor"));
            assertTrue(e.getMessage().contains("invalid_grant") && e.getMessage().contains("dev-vendor"), e.getMessage());
        }
    }

    @Test
    void somethingThatIsNotAJwtIsRefused() {
        assertThrows(SeedException.class, () -> KeycloakLogin.claimsOf("opaque-token"));
    }
}
