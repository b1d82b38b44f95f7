package de.govtech.deploy.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The govtech realm the Keycloak operator imports: deploy/keycloak's production realm (no users, no committed secret,
 * no password grant), with deploy/keycloak's dev users only when asked for.
 */
class RealmImportTest {

    private static final String DEV_SECRET = "govtech-services-dev-secret";

    @Test
    void theChartsRealmIsDeployKeycloaksProductionRealm() throws IOException {
        assertEquals(productionRealm(), Chart.JSON.readTree(Chart.directory().resolve("files/govtech-realm.json").toFile()),
                "files/govtech-realm.json drifted from deploy/keycloak/realm/govtech-realm-production.json");
        assertEquals(sourceRealm().path("users"), Chart.JSON.readTree(Chart.directory().resolve("files/dev-users.json").toFile()),
                "files/dev-users.json drifted from the dev users of deploy/keycloak/realm/govtech-realm.json");
    }

    @Test
    void byDefaultNoUserIsImportedAndNoDevSecretIsRendered() {
        JsonNode realm = realm(Chart.defaults());
        assertTrue(realm.path("users").isMissingNode(), "no users");
        assertFalse(Chart.renderText(Chart.directory(), java.util.Map.of()).contains(DEV_SECRET));
        assertEquals("${GOVTECH_SERVICES_CLIENT_SECRET}", client(realm, "govtech-services").path("secret").asText());
        JsonNode placeholder = realmImport(Chart.defaults()).at("/spec/placeholders/GOVTECH_SERVICES_CLIENT_SECRET/secret");
        assertEquals("govtech-services-client", placeholder.path("name").asText());
        assertEquals("secret", placeholder.path("key").asText());
    }

    @Test
    void theDevUsersAreImportedOnlyWithTheExplicitValue() throws IOException {
        JsonNode realm = realm(Chart.render(Chart.DEMO));
        List<String> usernames = new ArrayList<>();
        realm.path("users").forEach(u -> usernames.add(u.path("username").asText()));
        List<String> expected = new ArrayList<>();
        sourceRealm().path("users").forEach(u -> expected.add(u.path("username").asText()));
        assertEquals(expected, usernames);
        assertEquals(8, usernames.size());
        realm.path("users").forEach(u -> assertEquals("true", u.at("/attributes/dev_only/0").asText()));
    }

    @Test
    void rolesMappersAndTheUserProfileComeAlong() throws IOException {
        JsonNode realm = realm(Chart.defaults());
        assertEquals("govtech", realm.path("realm").asText());
        assertEquals(sourceRealm().path("roles"), realm.path("roles"));
        assertEquals(sourceRealm().path("components"), realm.path("components"));
        assertEquals(900, realm.path("accessTokenLifespan").asInt());
        assertEquals("all", realm.path("sslRequired").asText());
        assertFalse(client(realm, "govtech-cli").path("directAccessGrantsEnabled").asBoolean(true), "no password grant");
    }

    @Test
    void swaggerUiSignsInThroughThePublicGatewayHost() {
        JsonNode cli = client(realm(Chart.render(java.util.Map.of("gateway.ingress.host", "api.kommunal.example",
                "keycloak.realmImport.extraRedirectUris[0]", "https://portal.kommunal.example/*"))), "govtech-cli");
        List<String> redirects = new ArrayList<>();
        cli.path("redirectUris").forEach(r -> redirects.add(r.asText()));
        assertEquals(List.of("https://api.kommunal.example/q/swagger-ui/oauth2-redirect.html",
                "https://portal.kommunal.example/*"), redirects);
        assertFalse(cli.toString().contains("localhost"));
        assertFalse(cli.toString().contains("${GOVTECH_PUBLIC_URL}"), "every public-URL placeholder is filled in");
        assertEquals("https://api.kommunal.example", cli.path("webOrigins").path(0).asText());
    }

    @Test
    void keycloakServesThePublicHostAndResolvesBackchannelUrlsForThePods() {
        ObjectNode keycloak = Chart.named(Chart.defaults(), "Keycloak", "govtech-keycloak");
        assertEquals("https://auth.govtech-kommunal.example", keycloak.at("/spec/hostname/hostname").asText());
        assertTrue(keycloak.at("/spec/hostname/backchannelDynamic").asBoolean());
        assertEquals(2, keycloak.at("/spec/instances").asInt());
        assertEquals("govtech-keycloak", realmImport(Chart.defaults()).at("/spec/keycloakCRName").asText());
    }

    private static JsonNode sourceRealm() throws IOException {
        return Chart.JSON.readTree(Files.readString(Path.of(System.getProperty("govtech.keycloak.realm-file",
                "../keycloak/realm/govtech-realm.json"))));
    }

    private static JsonNode productionRealm() throws IOException {
        return Chart.JSON.readTree(Files.readString(Path.of("../keycloak/realm/govtech-realm-production.json")));
    }

    private static ObjectNode realmImport(List<JsonNode> objects) {
        return Chart.ofKind(objects, "KeycloakRealmImport").get(0);
    }

    private static JsonNode realm(List<JsonNode> objects) {
        return realmImport(objects).at("/spec/realm");
    }

    private static ObjectNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asText())) {
                return (ObjectNode) client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }
}
