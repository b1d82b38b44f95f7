package de.govtech.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import de.govtech.platform.testkit.KeycloakTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keycloak's admin REST API of the test stack (bootstrap admin {@code admin} / {@code admin}, dev mode only, see
 * deploy/local README), the one way the system tests make Keycloak users and clients: municipality admins, and
 * confidential test clients whose tokens are real but unusual (one that expires within seconds, one without the
 * {@code govtech-services} audience).
 */
public final class KeycloakAdmin {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ADMIN = "admin";

    private final String keycloakUrl;
    private final String realm;

    public KeycloakAdmin(String keycloakUrl, String realm) {
        this.keycloakUrl = keycloakUrl;
        this.realm = realm;
    }

    /** A confidential client with a service account in the realm; returns its client id and secret. */
    ClientCredentials createServiceClient(String clientIdPrefix, Duration accessTokenLifespan, boolean withServicesAudience) {
        String clientId = clientIdPrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = UUID.randomUUID().toString();
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", clientId);
        client.put("enabled", true);
        client.put("protocol", "openid-connect");
        client.put("publicClient", false);
        client.put("secret", secret);
        client.put("serviceAccountsEnabled", true);
        client.put("standardFlowEnabled", false);
        client.put("directAccessGrantsEnabled", false);
        client.put("attributes", Map.of("access.token.lifespan", Long.toString(accessTokenLifespan.toSeconds())));
        List<Map<String, Object>> mappers = new ArrayList<>();
        if (withServicesAudience) {
            mappers.add(Map.of("name", "audience-govtech-services", "protocol", "openid-connect",
                    "protocolMapper", "oidc-audience-mapper",
                    "config", Map.of("included.client.audience", KeycloakTokens.SERVICES_CLIENT,
                            "access.token.claim", "true", "id.token.claim", "false")));
        }
        client.put("protocolMappers", mappers);
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(keycloakUrl + "/admin/realms/" + realm + "/clients"))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(client))));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Keycloak refused to create client " + clientId + ": "
                    + response.statusCode() + " " + response.body());
        }
        return new ClientCredentials(clientId, secret);
    }

    /**
     * A user of the realm like the dev users: password = username, one realm role, a {@code municipality_id}; email
     * and names set (Keycloak refuses the password grant to a user whose profile is incomplete). A fresh admin token
     * per user: the master realm's tokens live a minute, and making fifty users may take longer.
     */
    public void createMunicipalityAdmin(String username, String municipalityId) {
        String token = adminToken();
        String users = keycloakUrl + "/admin/realms/" + realm + "/users";
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("email", username + "@municipality.example");
        user.put("emailVerified", true);
        user.put("firstName", "System");
        user.put("lastName", "Test");
        user.put("attributes", Map.of("municipality_id", List.of(municipalityId)));
        user.put("credentials", List.of(Map.of("type", "password", "value", username, "temporary", false)));
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(users))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(user))));
        String location = created.headers().firstValue("Location").orElse(null);
        if (created.statusCode() != 201 || location == null) {
            throw new IllegalStateException("Keycloak refused to create user " + username + ": " + created.statusCode() + " " + created.body());
        }
        HttpResponse<String> role = send(HttpRequest.newBuilder(
                        URI.create(keycloakUrl + "/admin/realms/" + realm + "/roles/municipality-admin"))
                .header("Authorization", "Bearer " + token).GET());
        HttpResponse<String> mapped = send(HttpRequest.newBuilder(URI.create(location + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + role.body() + "]")));
        if (role.statusCode() != 200 || mapped.statusCode() != 204) {
            throw new IllegalStateException("Keycloak did not give " + username + " the role municipality-admin: "
                    + role.statusCode() + " " + role.body() + " / " + mapped.statusCode() + " " + mapped.body());
        }
    }

    /** The client-credentials token of a client made here. */
    String accessToken(ClientCredentials client) {
        HttpResponse<String> response = new KeycloakTokens(keycloakUrl + "/realms/" + realm).requestToken(Map.of(
                "grant_type", "client_credentials", "client_id", client.clientId(), "client_secret", client.secret()));
        return accessToken(response, client.clientId());
    }

    private String adminToken() {
        HttpResponse<String> response = new KeycloakTokens(keycloakUrl + "/realms/master").requestToken(Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", ADMIN, "password", ADMIN));
        return accessToken(response, "admin-cli");
    }

    private static String accessToken(HttpResponse<String> response, String client) {
        try {
            JsonNode body = Gateway.JSON.readTree(response.body());
            if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
                throw new IllegalStateException("Keycloak issued no token to " + client + ": " + response.statusCode()
                        + " " + response.body());
            }
            return body.get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return Gateway.JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record ClientCredentials(String clientId, String secret) {
    }
}
