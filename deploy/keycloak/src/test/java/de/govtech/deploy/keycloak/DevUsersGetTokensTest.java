package de.govtech.deploy.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.govtech.platform.infra.KeycloakServer;
import de.govtech.platform.testkit.KeycloakTokens;
import de.govtech.platform.testkit.RealmKeycloak;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Starts the real Keycloak distribution on a real PostgreSQL with realm/govtech-realm.json and proves that every
 * dev user gets the token the services rely on: one app role, the organisation claim, the services audience.
 */
class DevUsersGetTokensTest {

    private static final String REALM = "govtech";
    private static final String CLI_CLIENT = "govtech-cli";
    private static final String SERVICES_CLIENT = "govtech-services";
    private static final String SERVICES_SECRET = "govtech-services-dev-secret";
    private static final Set<String> APP_ROLES =
            Set.of("platform-admin", "municipality-admin", "municipality-staff", "vendor", "learning-editor");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static RealmKeycloak realm;
    private static KeycloakServer keycloak;

    record DevUser(String username, String role, String municipalityId, String vendorId) {
        @Override
        public String toString() {
            return username;
        }
    }

    static Stream<DevUser> devUsers() {
        return Stream.of(
                new DevUser("dev-platform-admin", "platform-admin", null, null),
                new DevUser("dev-learning-editor", "learning-editor", null, null),
                new DevUser("dev-heilbronn-admin", "municipality-admin", "f4ec1f01-9f1c-3d34-ba99-332841cb7bcd", null),
                new DevUser("dev-heilbronn-staff", "municipality-staff", "f4ec1f01-9f1c-3d34-ba99-332841cb7bcd", null),
                new DevUser("dev-eschwege-admin", "municipality-admin", "252a5b47-68a3-38b3-aac7-0bff0a02e1c8", null),
                new DevUser("dev-applicant-admin", "municipality-admin", "efe3e65f-02dc-4512-99b7-dd2629c7b04d", null),
                new DevUser("dev-vendor", "vendor", null, "687ba146-49e1-4bf1-bb4e-6b634e4bccb4"),
                new DevUser("dev-vendor-b", "vendor", null, "89e48df7-c15c-4861-afeb-e559f2169881"));
    }

    @BeforeAll
    static void startServers() throws IOException {
        realm = RealmKeycloak.start(Path.of("target", "keycloak-test.log"));
        keycloak = realm.server();
    }

    @AfterAll
    static void stopServers() {
        if (realm != null) {
            realm.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("devUsers")
    void devUserGetsOneAppRoleTheOrganisationClaimAndTheServicesAudience(DevUser user) throws Exception {
        HttpResponse<String> response = token(Map.of(
                "grant_type", "password", "client_id", CLI_CLIENT, "scope", "openid",
                "username", user.username(), "password", user.username()));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());

        JsonNode access = payload(body.path("access_token").asText());
        assertEquals(keycloak.realmUrl(REALM), access.path("iss").asText());
        assertEquals(user.username(), access.path("preferred_username").asText());
        assertEquals(Set.of(user.role()), appRoles(access), "app roles in realm_access.roles");
        assertTrue(audiences(access).contains(SERVICES_CLIENT), "aud " + access.path("aud"));
        // Keycloak reads the clock for iat and for exp separately, in whole seconds: 900 or, across a second, 901
        long lifespan = access.path("exp").asLong() - access.path("iat").asLong();
        assertTrue(lifespan == 900 || lifespan == 901, "access token lifespan " + lifespan + " s, the realm's is 900 s");
        assertOrganisationClaims(user, access);

        JsonNode id = payload(body.path("id_token").asText());
        assertEquals(keycloak.realmUrl(REALM), id.path("iss").asText());
        assertOrganisationClaims(user, id);
        assertEquals(user.username() + "@dev.govtech.invalid", id.path("email").asText());
    }

    @Test
    void servicesClientGetsATokenWithClientCredentialsAndNoAppRole() throws Exception {
        HttpResponse<String> response = token(Map.of(
                "grant_type", "client_credentials", "client_id", SERVICES_CLIENT, "client_secret", SERVICES_SECRET));
        assertEquals(200, response.statusCode(), response.body());

        JsonNode access = payload(JSON.readTree(response.body()).path("access_token").asText());
        assertEquals(keycloak.realmUrl(REALM), access.path("iss").asText());
        assertEquals(SERVICES_CLIENT, access.path("azp").asText());
        // the service_account client scope adds client_id; it proves the scope is attached
        assertEquals(SERVICES_CLIENT, access.path("client_id").asText());
        assertTrue(audiences(access).contains(SERVICES_CLIENT), "aud " + access.path("aud"));
        assertEquals(Set.of(), appRoles(access));
        assertFalse(access.has("municipality_id"));
        assertFalse(access.has("vendor_id"));
    }

    @Test
    void testKitTokenHelperGivesTheTokensSystemTestsUse() throws Exception {
        JsonNode vendor = payload(realm.tokens().accessTokenOf("dev-vendor"));
        assertEquals("687ba146-49e1-4bf1-bb4e-6b634e4bccb4", vendor.path("vendor_id").asText());
        assertEquals(Set.of("vendor"), appRoles(vendor));
        JsonNode service = payload(realm.tokens().serviceAccessToken());
        assertEquals(SERVICES_CLIENT, service.path("azp").asText());
    }

    @Test
    void servicesClientWithWrongSecretIsRefused() throws Exception {
        HttpResponse<String> response = token(Map.of(
                "grant_type", "client_credentials", "client_id", SERVICES_CLIENT, "client_secret", "wrong"));
        assertEquals(401, response.statusCode(), response.body());
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        HttpResponse<String> response = token(Map.of(
                "grant_type", "password", "client_id", CLI_CLIENT,
                "username", "dev-heilbronn-admin", "password", "not-the-password"));
        // Keycloak 26.7 answers as RFC 6749 section 5.2 says: 400 invalid_grant (older versions sent 401)
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("invalid_grant", JSON.readTree(response.body()).path("error").asText());
        assertFalse(JSON.readTree(response.body()).has("access_token"));
    }

    @Test
    void usersMayReadButNotChangeTheOrganisationTheyActFor() throws Exception {
        HttpResponse<String> adminToken = new KeycloakTokens(keycloak.realmUrl("master")).requestToken(Map.of(
                "grant_type", "password", "client_id", "admin-cli",
                "username", KeycloakServer.BOOTSTRAP_ADMIN_USERNAME,
                "password", KeycloakServer.BOOTSTRAP_ADMIN_PASSWORD));
        assertEquals(200, adminToken.statusCode(), adminToken.body());
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(keycloak.baseUrl() + "/admin/realms/" + REALM + "/users/profile"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + JSON.readTree(adminToken.body()).path("access_token").asText())
                .GET()
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());

        JsonNode profile = JSON.readTree(response.body());
        assertEquals("ADMIN_EDIT", profile.path("unmanagedAttributePolicy").asText());
        for (String attribute : List.of("municipality_id", "vendor_id")) {
            JsonNode declared = null;
            for (JsonNode candidate : profile.path("attributes")) {
                if (attribute.equals(candidate.path("name").asText())) {
                    declared = candidate;
                }
            }
            assertNotNull(declared, attribute + " is declared in the user profile");
            assertEquals(JSON.readTree("[\"admin\"]"), declared.path("permissions").path("edit"), attribute);
            assertEquals(JSON.readTree("[\"admin\",\"user\"]"), declared.path("permissions").path("view"), attribute);
        }
    }

    /**
     * The dev realm hashes with 1,000 PBKDF2 iterations instead of Keycloak's 210,000: the import of the dev users and
     * every password login of the local stack's seeding cost a few milliseconds instead of a few hundred each.
     */
    @Test
    void devPasswordsAreStoredWithTheDevRealmsCheapHash() throws Exception {
        String admin = adminToken();
        HttpResponse<String> users = adminGet(admin, "/users?exact=true&username=dev-vendor");
        assertEquals(200, users.statusCode(), users.body());
        String id = JSON.readTree(users.body()).path(0).path("id").asText();
        HttpResponse<String> credentials = adminGet(admin, "/users/" + id + "/credentials");
        assertEquals(200, credentials.statusCode(), credentials.body());
        JsonNode password = JSON.readTree(credentials.body()).path(0);
        assertEquals("password", password.path("type").asText());
        JsonNode data = JSON.readTree(password.path("credentialData").asText());
        assertEquals(1000, data.path("hashIterations").asInt(), data.toString());
        assertEquals("pbkdf2-sha512", data.path("algorithm").asText(), data.toString());
    }

    private static String adminToken() throws Exception {
        HttpResponse<String> token = new KeycloakTokens(keycloak.realmUrl("master")).requestToken(Map.of(
                "grant_type", "password", "client_id", "admin-cli",
                "username", KeycloakServer.BOOTSTRAP_ADMIN_USERNAME,
                "password", KeycloakServer.BOOTSTRAP_ADMIN_PASSWORD));
        assertEquals(200, token.statusCode(), token.body());
        return JSON.readTree(token.body()).path("access_token").asText();
    }

    private static HttpResponse<String> adminGet(String token, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/" + REALM + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void publicClientCannotUseClientCredentials() throws Exception {
        HttpResponse<String> response = token(Map.of("grant_type", "client_credentials", "client_id", CLI_CLIENT));
        assertTrue(response.statusCode() == 400 || response.statusCode() == 401, response.body());
        assertNotNull(JSON.readTree(response.body()).path("error").asText(null));
    }

    private static void assertOrganisationClaims(DevUser user, JsonNode token) {
        assertClaim(token, "municipality_id", user.municipalityId());
        assertClaim(token, "vendor_id", user.vendorId());
    }

    private static void assertClaim(JsonNode token, String claim, String expected) {
        if (expected == null) {
            assertFalse(token.has(claim), claim + " must be absent but is " + token.path(claim));
        } else {
            assertTrue(token.path(claim).isTextual(), claim + " must be a string: " + token.path(claim));
            assertEquals(expected, token.path(claim).asText(), claim);
        }
    }

    private static Set<String> appRoles(JsonNode token) {
        List<String> roles = new ArrayList<>();
        token.path("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
        return roles.stream().filter(APP_ROLES::contains).collect(Collectors.toSet());
    }

    private static Set<String> audiences(JsonNode token) {
        JsonNode aud = token.path("aud");
        if (aud.isTextual()) {
            return Set.of(aud.asText());
        }
        List<String> values = new ArrayList<>();
        aud.forEach(value -> values.add(value.asText()));
        return Set.copyOf(values);
    }

    private static JsonNode payload(String jwt) throws IOException {
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length, "a signed JWT has three parts");
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static HttpResponse<String> token(Map<String, String> form) {
        return realm.tokens().requestToken(form);
    }
}
