package de.govtech.deploy.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpServiceApiTest {

    @Test
    void sendsTheTokenAndTheJsonBodyAndReadsTheAnswer() throws IOException {
        try (StubHttpServer server = new StubHttpServer().reply(201, "{\"id\":\"v-1\",\"status\":\"PENDING\"}")) {
            HttpServiceApi api = new HttpServiceApi(server.baseUrl() + "/api/v1/marketplace", 10);

            ServiceApi.Answer answer = api.call("POST", "/vendors", "tok",
                    new ObjectMapper().createObjectNode().put("name", "Demo"));

            assertEquals(201, answer.status());
            assertEquals("PENDING", answer.body().path("status").asText());
            StubHttpServer.Request request = server.requests.get(0);
            assertEquals("POST", request.method());
            assertEquals("/api/v1/marketplace/vendors", request.path());
            assertEquals("Bearer tok", request.header("Authorization"));
            assertEquals("application/json", request.header("Content-Type"));
            assertEquals("{\"name\":\"Demo\"}", request.body());
        }
    }

    @Test
    void anAnonymousCallSendsNoAuthorization() throws IOException {
        try (StubHttpServer server = new StubHttpServer().reply(404, "")) {
            ServiceApi.Answer answer = new HttpServiceApi(server.baseUrl(), 10).call("GET", "/catalogue/apps/x", null, null);

            assertEquals(404, answer.status());
            assertTrue(answer.body().isMissingNode());
            assertNull(server.requests.get(0).header("Authorization"));
        }
    }

    @Test
    void whatTheGatewayCouldNotForwardIsTriedAgainButARefusalIsNot() throws IOException {
        try (StubHttpServer server = new StubHttpServer().reply(503, "").reply(502, "").reply(200, "{}")
                .reply(409, "{\"type\":\"https://x/problems/vat-id-taken\",\"detail\":\"taken\"}")) {
            HttpServiceApi api = new HttpServiceApi(server.baseUrl(), 10);

            assertEquals(200, api.call("GET", "/vendors/v", "t", null).status());
            ServiceApi.Answer refused = api.call("POST", "/vendors", "t", null);

            assertEquals(409, refused.status());
            assertEquals("status 409 (vat-id-taken: taken)", refused.describe());
            assertEquals(4, server.requests.size());
        }
    }

    @Test
    void noServerIsASeedExceptionAfterTheRetries() throws IOException {
        String url;
        try (StubHttpServer server = new StubHttpServer()) {
            url = server.baseUrl();
        }
        HttpServiceApi api = new HttpServiceApi(url, 10);
        SeedException e = assertThrows(SeedException.class, () -> api.call("GET", "/listings", "t", null));
        assertTrue(e.getMessage().contains("got no answer"), e.getMessage());
    }
}
