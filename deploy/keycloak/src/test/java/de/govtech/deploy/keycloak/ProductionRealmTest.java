package de.govtech.deploy.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The realm imported outside development (the Helm chart's) carries none of the dev realm's conveniences: no
 * users, no committed secret, no password grant and no localhost redirects on public clients. It must otherwise
 * give the same tokens, so roles, client scopes and claim mappers equal the dev realm's.
 */
class ProductionRealmTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*}");

    private final JsonNode production = read("realm/govtech-realm-production.json");
    private final JsonNode dev = read("realm/govtech-realm.json");

    @Test
    void hasNoUsers() {
        assertTrue(production.path("users").isMissingNode() || production.path("users").isEmpty(),
                "the production realm lists users: " + production.path("users"));
    }

    @Test
    void commitsNoClientSecret() {
        for (JsonNode client : production.path("clients")) {
            JsonNode secret = client.path("secret");
            assertTrue(secret.isMissingNode() || PLACEHOLDER.matcher(secret.asText()).matches(),
                    client.path("clientId").asText() + " has a committed secret; use a ${ENV_VAR} placeholder");
        }
    }

    @Test
    void publicClientsUseTheAuthorizationCodeWithPkceOnly() {
        List<String> publicClients = new ArrayList<>();
        for (JsonNode client : production.path("clients")) {
            if (!client.path("publicClient").asBoolean(false)) {
                continue;
            }
            String id = client.path("clientId").asText();
            publicClients.add(id);
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(true), id + " allows the password grant");
            assertFalse(client.path("implicitFlowEnabled").asBoolean(false), id + " allows the implicit flow");
            assertEquals("S256", client.path("attributes").path("pkce.code.challenge.method").asText(), id + " without PKCE S256");
            for (String field : List.of("redirectUris", "webOrigins")) {
                for (JsonNode uri : client.path(field)) {
                    String value = uri.asText();
                    assertFalse(value.contains("localhost") || value.contains("127.0.0.1") || value.equals("*")
                            || value.equals("+"), id + " " + field + " allows " + value);
                }
            }
        }
        assertFalse(publicClients.isEmpty(), "no public client checked");
    }

    /** The dev realm's cheap password hash (1,000 iterations, for a quick local start) must not travel here. */
    @Test
    void keepsKeycloaksPasswordHashing() {
        assertTrue(production.path("passwordPolicy").isMissingNode()
                        || !production.path("passwordPolicy").asText().contains("hashIterations"),
                "the production realm lowers the hashing: " + production.path("passwordPolicy"));
    }

    @Test
    void requiresTlsAndProtectsAgainstBruteForce() {
        assertEquals("all", production.path("sslRequired").asText());
        assertTrue(production.path("bruteForceProtected").asBoolean());
        assertFalse(production.path("registrationAllowed").asBoolean());
    }

    @Test
    void issuesTheSameTokensAsTheDevRealm() {
        assertEquals(dev.path("realm"), production.path("realm"));
        assertEquals(dev.path("roles"), production.path("roles"));
        assertEquals(dev.path("components"), production.path("components"), "user profile (organisation attributes)");
        assertEquals(dev.path("accessTokenLifespan"), production.path("accessTokenLifespan"));
        for (JsonNode devClient : dev.path("clients")) {
            JsonNode client = client(production, devClient.path("clientId").asText());
            assertEquals(devClient.path("protocolMappers"), client.path("protocolMappers"), "claims of " + devClient.path("clientId"));
            assertEquals(devClient.path("defaultClientScopes"), client.path("defaultClientScopes"));
        }
    }

    @Test
    void theDevRealmSaysWhatItIs() {
        assertTrue(dev.path("users").size() > 0);
        for (JsonNode user : dev.path("users")) {
            assertEquals("true", user.path("attributes").path("dev_only").path(0).asText(), user.path("username").asText());
        }
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("client " + clientId + " missing from the production realm");
    }

    private static JsonNode read(String file) {
        try {
            return new ObjectMapper().readTree(Path.of(file).toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
