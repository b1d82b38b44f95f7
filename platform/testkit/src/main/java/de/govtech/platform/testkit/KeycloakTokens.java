package de.govtech.platform.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gets tokens from a real Keycloak realm's token endpoint, as a client of the platform would: the password grant
 * of the public client {@code govtech-cli} for the dev users (password = username), client credentials for
 * {@code govtech-services}.
 */
public final class KeycloakTokens {

    public static final String CLI_CLIENT = "govtech-cli";
    public static final String SERVICES_CLIENT = "govtech-services";
    public static final String SERVICES_DEV_SECRET = "govtech-services-dev-secret";

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String realmUrl;

    public KeycloakTokens(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    /** The raw token endpoint response for a form of parameters. */
    public HttpResponse<String> requestToken(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking Keycloak for a token", e);
        }
    }

    /** An access token of a dev user (the realm file gives each the password equal to the username). */
    public String accessTokenOf(String devUser) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", CLI_CLIENT);
        form.put("scope", "openid");
        form.put("username", devUser);
        form.put("password", devUser);
        return accessToken(requestToken(form));
    }

    /** A service-account access token of the confidential client. */
    public String serviceAccessToken() {
        return accessToken(requestToken(Map.of("grant_type", "client_credentials",
                "client_id", SERVICES_CLIENT, "client_secret", SERVICES_DEV_SECRET)));
    }

    private static String accessToken(HttpResponse<String> response) {
        Matcher matcher = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException("Keycloak refused the token request: " + response.statusCode() + " " + response.body());
        }
        return matcher.group(1);
    }
}
