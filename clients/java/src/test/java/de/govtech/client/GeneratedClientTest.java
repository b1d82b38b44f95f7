package de.govtech.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import de.govtech.client.api.MembershipsApi;
import de.govtech.client.api.SubscriptionsApi;
import de.govtech.client.model.Membership;
import de.govtech.client.model.MembershipApplication;
import de.govtech.client.model.MembershipStatus;
import de.govtech.client.model.Subscription;
import de.govtech.client.model.SubscriptionRequest;
import de.govtech.client.model.SubscriptionState;
import de.govtech.platform.openapi.OpenApiValidation;

/**
 * The client generated at build time from the merged document: the membership application and the app order are
 * there and work over real HTTP (a local stand-in for the gateway records what arrives), with the bearer token a
 * caller got from Keycloak.
 */
class GeneratedClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "eyJ.test.token";

    private HttpServer gateway;
    private final Map<String, JsonNode> received = new ConcurrentHashMap<>();
    private final Map<String, String> authorization = new ConcurrentHashMap<>();
    private final Map<String, String> idempotencyKeys = new ConcurrentHashMap<>();
    private ApiClient client;
    private volatile boolean refuseOrders;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("localhost", 0), 10);
        gateway.createContext("/api/v1/membership/memberships", exchange -> answer(exchange, 201,
                Map.of("Location", "/api/v1/membership/memberships/8d2a61c4-52a0-4f0e-9a53-3b2f52a7f0aa"), """
                {"id":"8d2a61c4-52a0-4f0e-9a53-3b2f52a7f0aa","municipalityId":"0f8c2b1e-2f59-4d7c-9a1b-5e3c7d9f1a22",
                 "status":"APPLIED","statutesVersion":"2025-12-12"}
                """));
        gateway.createContext("/api/v1/marketplace/subscriptions", exchange -> answer(exchange, refuseOrders ? 403 : 201, Map.of(),
                """
                {"id":"5b0d7a3e-6c1f-4a53-8c0e-6f4d1f2b9a10","municipalityId":"0f8c2b1e-2f59-4d7c-9a1b-5e3c7d9f1a22",
                 "plan":"basic","cloudTarget":"stackit","state":"PROVISIONING","orderedAt":"2026-11-27T10:00:00Z"}
                """));
        gateway.start();
        client = new ApiClient();
        client.updateBaseUri("http://localhost:" + gateway.getAddress().getPort());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + TOKEN));
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    @Test
    void theDocumentTheClientIsGeneratedFromIsValidOpenApi31() throws IOException {
        JsonNode document = JSON.readTree(Path.of(System.getProperty("govtech.client.openapi")).toFile());
        assertEquals(List.of(), OpenApiValidation.violations(document));
        assertEquals("oauth2", document.path("components").path("securitySchemes").path("keycloak").path("type").asText());
        assertTrue(document.path("paths").has("/api/v1/membership/memberships"));
        assertTrue(document.path("paths").has("/api/v1/marketplace/subscriptions"));
    }

    @Test
    void aMunicipalityAppliesForMembershipWithItsToken() throws ApiException {
        UUID municipality = UUID.fromString("0f8c2b1e-2f59-4d7c-9a1b-5e3c7d9f1a22");

        ApiResponse<Membership> answer = new MembershipsApi(client).applyForMembershipWithHttpInfo(
                new MembershipApplication().municipalityId(municipality).statutesVersion("2025-12-12"));

        assertEquals(201, answer.getStatusCode());
        assertEquals(MembershipStatus.APPLIED, answer.getData().getStatus());
        assertEquals(List.of("/api/v1/membership/memberships/8d2a61c4-52a0-4f0e-9a53-3b2f52a7f0aa"), answer.getHeaders().get("location"));
        assertEquals("POST /api/v1/membership/memberships", received.keySet().iterator().next());
        JsonNode body = received.get("POST /api/v1/membership/memberships");
        assertEquals(municipality.toString(), body.path("municipalityId").asText());
        assertEquals("2025-12-12", body.path("statutesVersion").asText());
        assertEquals("Bearer " + TOKEN, authorization.get("POST /api/v1/membership/memberships"));
    }

    @Test
    void aMunicipalityAdminOrdersAnApp() throws ApiException {
        UUID app = UUID.fromString("1c9e4d2a-7b3f-4e61-8a5d-2f0b6c8e9d31");

        Subscription subscription = new SubscriptionsApi(client)
                .orderSubscription(new SubscriptionRequest().appId(app).plan("basic").cloudTarget("stackit"), "order-0042");

        assertEquals(SubscriptionState.PROVISIONING, subscription.getState());
        assertEquals(UUID.fromString("5b0d7a3e-6c1f-4a53-8c0e-6f4d1f2b9a10"), subscription.getId());
        JsonNode body = received.get("POST /api/v1/marketplace/subscriptions");
        assertEquals(app.toString(), body.path("appId").asText());
        assertEquals("Bearer " + TOKEN, authorization.get("POST /api/v1/marketplace/subscriptions"));
        assertEquals("order-0042", idempotencyKeys.get("POST /api/v1/marketplace/subscriptions"), "the Idempotency-Key header is sent");
    }

    @Test
    void aRefusalBecomesAnApiExceptionCarryingTheProblem() {
        refuseOrders = true;

        ApiException refused = assertThrows(ApiException.class, () -> new SubscriptionsApi(client)
                .orderSubscription(new SubscriptionRequest().appSlug("ratsinfo").plan("basic").cloudTarget("stackit"), null));

        assertEquals(403, refused.getCode());
        assertTrue(refused.getResponseBody().contains("https://govtech-kommunal.de/problems/forbidden"), refused.getResponseBody());
    }

    private void answer(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
        try (exchange) {
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            byte[] request = exchange.getRequestBody().readAllBytes();
            received.put(key, request.length == 0 ? JSON.nullNode() : JSON.readTree(request));
            authorization.put(key, String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            idempotencyKeys.put(key, String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            String answer = status == 403
                    ? "{\"type\":\"https://govtech-kommunal.de/problems/forbidden\",\"title\":\"Access denied\",\"status\":403}"
                    : body;
            if (answer == null) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", status == 403 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }
}
