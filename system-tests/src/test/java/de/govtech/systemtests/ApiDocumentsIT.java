package de.govtech.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The merged API document as municipal IT finds it at the running gateway, and the login Swagger UI starts from it:
 * Keycloak accepts the authorization-code request with PKCE that Swagger UI sends for the public client.
 */
@ExtendWith(StackExtension.class)
class ApiDocumentsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final PlatformStack stack;

    ApiDocumentsIT(PlatformStack stack) {
        this.stack = stack;
    }

    @Test
    void theMergedDocumentCoversEveryServiceAndPointsAtTheStacksKeycloak() {
        JsonNode document = stack.gateway().get("/api/v1/openapi", null).assertStatus(200).json();

        assertTrue(document.path("openapi").asText().startsWith("3.1"), document.path("openapi").asText());
        List<String> paths = names(document.path("paths").fieldNames());
        // learning and solutions have no operations yet; that they answered shows in x-unavailable-services below
        for (String area : List.of("membership", "marketplace")) {
            assertTrue(paths.stream().anyMatch(path -> path.startsWith("/api/v1/" + area + "/")), area + " in " + paths);
        }
        assertTrue(document.path("info").path("x-unavailable-services").isEmpty(),
                "every service answered: " + document.path("info").path("x-unavailable-services"));

        String openIdConnect = stack.keycloakUrl() + "/realms/" + PlatformStack.REALM + "/protocol/openid-connect";
        JsonNode flow = document.at("/components/securitySchemes/keycloak/flows/authorizationCode");
        assertEquals(openIdConnect + "/auth", flow.path("authorizationUrl").asText());
        assertEquals(openIdConnect + "/token", flow.path("tokenUrl").asText());
        assertEquals("[]", document.at("/paths/~1api~1v1~1membership~1fees~1quote/get/security").toString(),
                "the fee quote is public");
    }

    @Test
    void keycloakAcceptsTheLoginSwaggerUiStartsAndRefusesAForeignRedirect() {
        assertEquals(200, fetch(URI.create(stack.gatewayUrl() + "/q/swagger-ui/")).statusCode());
        String authorize = stack.keycloakUrl() + "/realms/" + PlatformStack.REALM + "/protocol/openid-connect/auth";

        HttpResponse<String> login = fetch(authorizationRequest(authorize,
                stack.gatewayUrl() + "/q/swagger-ui/oauth2-redirect.html"));
        assertEquals(200, login.statusCode(), login.body());
        assertTrue(login.body().contains("kc-form-login"), "Keycloak's login form");

        HttpResponse<String> foreign = fetch(authorizationRequest(authorize, "https://attacker.example/callback"));
        assertEquals(400, foreign.statusCode(), "a redirect outside the client's URIs is refused");
    }

    /** What Swagger UI sends for the public client: authorization code with a PKCE challenge (S256). */
    private static URI authorizationRequest(String authorize, String redirectUri) {
        return URI.create(authorize + "?response_type=code&client_id=govtech-cli&scope=openid&state=swagger"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
                + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> fetch(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: GET " + uri, e);
        }
    }

    private static List<String> names(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
