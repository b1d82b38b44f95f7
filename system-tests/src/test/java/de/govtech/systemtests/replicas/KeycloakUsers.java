package de.govtech.systemtests.replicas;

import de.govtech.platform.testkit.KeycloakTokens;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Municipality admins made through Keycloak's admin API of the stack (bootstrap admin {@code admin} / {@code admin},
 * dev mode only): password = username, realm role {@code municipality-admin}, attribute {@code municipality_id}.
 */
final class KeycloakUsers {

    private final String keycloakUrl;
    private final String realm;

    KeycloakUsers(String keycloakUrl, String realm) {
        this.keycloakUrl = keycloakUrl;
        this.realm = realm;
    }

    void createMunicipalityAdmin(String username, String municipalityId) {
        // a fresh admin token per user: the master realm's tokens live a minute, creating fifty users may take longer
        String admin = adminToken();
        String users = keycloakUrl + "/admin/realms/" + realm + "/users";
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("email", username + "@replicas.example");
        user.put("emailVerified", true);
        user.put("firstName", "Replica");
        user.put("lastName", "Test");
        user.put("attributes", Map.of("municipality_id", List.of(municipalityId)));
        user.put("credentials", List.of(Map.of("type", "password", "value", username, "temporary", false)));
        String location = Http.send("POST", users, admin, user).expect(201).location();
        String role = Http.send("GET", keycloakUrl + "/admin/realms/" + realm + "/roles/municipality-admin", admin, null)
                .expect(200).body();
        Http.send("POST", location + "/role-mappings/realm", admin, "[" + role + "]").expect(204);
    }

    private String adminToken() {
        HttpResponse<String> response = new KeycloakTokens(keycloakUrl + "/realms/master").requestToken(Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
        Http.Answer answer = new Http.Answer("token of admin-cli", response.statusCode(), response.body(), null).expect(200);
        return answer.json().path("access_token").asText();
    }
}
