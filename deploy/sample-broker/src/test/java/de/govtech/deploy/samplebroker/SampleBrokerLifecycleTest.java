package de.govtech.deploy.samplebroker;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleBrokerLifecycleTest {

    @Test
    void startTakesAFreePortAndAcceptsConnectionsAtOnce() throws IOException {
        try (SampleBroker broker = SampleBroker.start(SampleBrokerSettings.defaults())) {
            assertTrue(broker.port() > 0);
            assertEquals("http://localhost:" + broker.port(), broker.baseUrl().toString());
            OsbClient osb = new OsbClient(broker.baseUrl(), "broker", "broker-secret");
            assertEquals(200, osb.get("/v2/catalog").status());
        }
    }

    @Test
    void closeStopsAnsweringAndFreesThePortWithoutAnySignal() throws IOException {
        SampleBroker broker = SampleBroker.start(SampleBrokerSettings.defaults());
        OsbClient osb = new OsbClient(broker.baseUrl(), "broker", "broker-secret");
        osb.provision("i-1", Catalog.DEMO_SERVICE_ID, Catalog.DEMO_BASIS_PLAN_ID); // a timer is pending
        int port = broker.port();

        broker.close();
        assertDoesNotThrow(broker::close, "closing twice");

        assertThrows(RuntimeException.class, () -> osb.send(HttpRequest.newBuilder(broker.baseUrl().resolve("/health")).GET()));
        try (ServerSocket again = new ServerSocket(port)) {
            assertEquals(port, again.getLocalPort());
        }
    }

    @Test
    void aTakenPortFailsTheStart() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThrows(IOException.class, () -> SampleBroker.start(SampleBrokerSettings.defaults().withPort(taken.getLocalPort())));
        }
    }

    @Test
    void theRequestLogGetsOneLinePerRequest() throws IOException {
        java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (SampleBroker broker = SampleBroker.start(SampleBrokerSettings.defaults(), lines::add)) {
            OsbClient osb = new OsbClient(broker.baseUrl(), "broker", "broker-secret");
            osb.get("/v2/catalog");
            osb.lastOperation("nope");
        }
        assertEquals(java.util.List.of("GET /v2/catalog -> 200", "GET /v2/service_instances/nope/last_operation -> 404"),
                lines.stream().map(line -> line.replaceAll(" \\(\\d+ ms\\)$", "")).toList());
    }
}
