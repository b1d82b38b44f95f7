package de.govtech.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** Logs a dev user of the realm in (password grant on the public client {@code govtech-cli}, password = username). */
final class KeycloakLogin {

    static final String CLI_CLIENT = "govtech-cli";

    /** A bearer token with its (unverified: we just got it from Keycloak) claims. */
    record AccessToken(String value, JsonNode claims) {

        String claim(String name) {
            JsonNode value = claims.get(name);
            return value == null || value.isNull() ? null : value.asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String realmUrl;

    KeycloakLogin(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    AccessToken login(String devUser) {
        String form = Map.of("grant_type", "password", "client_id", CLI_CLIENT, "username", devUser, "password", devUser)
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String tokenUrl = realmUrl + "/protocol/openid-connect/token";
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                    .timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new SeedException("Keycloak refused a token for " + devUser + " (HTTP " + response.statusCode()
                        + ": " + response.body() + ")");
            }
            String token = JSON.readTree(response.body()).path("access_token").asText("");
            return new AccessToken(token, claimsOf(token));
        } catch (IOException e) {
            throw new SeedException("no token for " + devUser + " from " + tokenUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeedException("interrupted", e);
        }
    }

    /** The payload of a JWT. */
    static JsonNode claimsOf(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new SeedException("not a JWT: " + (jwt.length() > 20 ? jwt.substring(0, 20) + "…" : jwt));
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            throw new SeedException("cannot read the token's claims: " + e.getMessage(), e);
        }
    }
}
