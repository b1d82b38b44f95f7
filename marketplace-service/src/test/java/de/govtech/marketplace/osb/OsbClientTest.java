package de.govtech.marketplace.osb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.govtech.deploy.samplebroker.Behaviour;
import de.govtech.deploy.samplebroker.Catalog;
import de.govtech.deploy.samplebroker.RecordedRequest;
import de.govtech.deploy.samplebroker.SampleBroker;
import de.govtech.deploy.samplebroker.SampleBrokerSettings;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OSB client against the sample broker over real HTTP: the protocol headers and bodies it sends. */
class OsbClientTest {

    /** The dev/test setting: the sample broker listens on plain http on localhost. */
    private static final BrokerAddressRule LOCAL = BrokerAddressRule.withDns(true, true);

    private static final Vertx VERTX = Vertx.vertx();
    private static SampleBroker broker;
    private static BrokerEndpoint endpoint;
    private final OsbClient client = new OsbClient(VERTX, Duration.ofSeconds(5), LOCAL);
    private final OriginatingIdentity identity = new OriginatingIdentity("anna.admin", UUID.fromString(
            "0f5b7a3e-0000-4000-8000-000000000001"));

    @BeforeAll
    static void start() throws Exception {
        broker = SampleBroker.start(SampleBrokerSettings.defaults().withProvisionDelay(Duration.ofMillis(200))
                .withDeprovisionDelay(Duration.ofMillis(100)));
        endpoint = new BrokerEndpoint(broker.baseUrl(), "broker", "broker-secret");
        // the first call of a JVM loads the HTTP stack, which on a busy machine takes longer than the short deadlines below
        try (OsbClient warmUp = new OsbClient(VERTX, Duration.ofSeconds(60), LOCAL)) {
            warmUp.catalog(endpoint, new OriginatingIdentity("warm-up", UUID.randomUUID()));
        }
    }

    @AfterAll
    static void stop() {
        broker.close();
        VERTX.close();
    }

    @Test
    void everyRequestCarriesVersionCredentialsAndIdentities() throws Exception {
        OsbResponse catalog = client.catalog(endpoint, identity);
        assertEquals(200, catalog.status());
        assertTrue(OsbCatalog.parse(catalog.body()).resolve(Catalog.DEMO_SERVICE_NAME, "Basis").isPresent());
        client.catalog(endpoint, identity);

        RecordedRequest first = broker.requests().get(broker.requests().size() - 2);
        RecordedRequest second = broker.requests().get(broker.requests().size() - 1);
        assertEquals("2.17", first.header("X-Broker-API-Version"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("broker:broker-secret".getBytes(StandardCharsets.UTF_8)),
                first.header("Authorization"));
        String[] origin = first.header("X-Broker-API-Originating-Identity").split(" ");
        assertEquals("govtech", origin[0]);
        JsonNode user = new ObjectMapper().readTree(Base64.getDecoder().decode(origin[1]));
        assertEquals("anna.admin", user.path("user_id").asText());
        assertEquals("0f5b7a3e-0000-4000-8000-000000000001", user.path("municipality_id").asText());
        UUID.fromString(first.header("X-Broker-API-Request-Identity"));
        assertNotEquals(first.header("X-Broker-API-Request-Identity"), second.header("X-Broker-API-Request-Identity"),
                "a fresh request identity per request");
    }

    @Test
    void provisionPollAndDeprovision() throws Exception {
        String id = UUID.randomUUID().toString();
        ProvisionRequest request = new ProvisionRequest(Catalog.DEMO_SERVICE_ID, Catalog.DEMO_BASIS_PLAN_ID,
                identity.municipalityId(), "stackit:eu01");
        OsbResponse accepted = client.provision(endpoint, id, request, identity);
        assertEquals(202, accepted.status(), accepted.summary());
        assertNotNull(accepted.text("dashboard_url"));

        RecordedRequest put = broker.requests().stream().filter(r -> r.method().equals("PUT")).reduce((a, b) -> b).orElseThrow();
        assertEquals("/v2/service_instances/" + id, put.path());
        assertEquals("accepts_incomplete=true", put.query());
        JsonNode body = new ObjectMapper().readTree(put.body());
        assertEquals(Catalog.DEMO_SERVICE_ID, body.path("service_id").asText());
        assertEquals(Catalog.DEMO_BASIS_PLAN_ID, body.path("plan_id").asText());
        assertEquals("govtech-kommunal", body.path("context").path("platform").asText());
        assertEquals(identity.municipalityId().toString(), body.path("context").path("municipality_id").asText());
        assertEquals("stackit:eu01", body.path("context").path("cloud_target").asText());

        OsbResponse poll = client.lastOperation(endpoint, id, Catalog.DEMO_SERVICE_ID, Catalog.DEMO_BASIS_PLAN_ID,
                accepted.text("operation"), identity);
        assertEquals(200, poll.status());
        assertEquals("in progress", poll.text("state"));
        assertTrue(poll.retryAfter().isPresent(), "the broker sends Retry-After while in progress");

        OsbResponse delete = client.deprovision(endpoint, id, Catalog.DEMO_SERVICE_ID, Catalog.DEMO_BASIS_PLAN_ID, identity);
        assertTrue(delete.status() == 202 || delete.status() == 200, delete.summary());
    }

    @Test
    void wrongCredentialsAndAnUnreachableBrokerAreReported() throws Exception {
        BrokerEndpoint wrong = new BrokerEndpoint(broker.baseUrl(), "broker", "wrong");
        assertEquals(401, client.catalog(wrong, identity).status());
        BrokerEndpoint nowhere = new BrokerEndpoint(java.net.URI.create("http://localhost:1"), "a", "b");
        BrokerUnreachableException refused = assertThrows(BrokerUnreachableException.class, () -> client.catalog(nowhere, identity));
        assertEquals(BrokerUnreachableException.Kind.CONNECTION_FAILED, refused.kind());
        assertFalse(refused.getMessage().contains("localhost"), "the message never names the broker: " + refused.getMessage());
        assertTrue(nowhere.toString().contains("***") && !nowhere.toString().contains("password=b"));
    }

    @Test
    void aBrokerOnARefusedAddressIsNeverCalled() {
        OsbClient production = new OsbClient(VERTX, Duration.ofSeconds(5), BrokerAddressRule.withDns(true, false));
        int before = broker.requests().size();
        BrokerUnreachableException refused = assertThrows(BrokerUnreachableException.class,
                () -> production.catalog(endpoint, identity));
        assertEquals(BrokerUnreachableException.Kind.ADDRESS_REFUSED, refused.kind());
        assertTrue(refused.getMessage().contains("loopback"), refused.getMessage());
        assertFalse(refused.getMessage().contains("localhost") || refused.getMessage().contains("127.0.0.1"), refused.getMessage());
        assertEquals(before, broker.requests().size(), "nothing reached the broker");

        OsbClient httpsOnly = new OsbClient(VERTX, Duration.ofSeconds(5), BrokerAddressRule.withDns(false, true));
        assertEquals(BrokerUnreachableException.Kind.ADDRESS_REFUSED,
                assertThrows(BrokerUnreachableException.class, () -> httpsOnly.catalog(endpoint, identity)).kind());
        assertEquals(before, broker.requests().size(), "nothing reached the broker");
    }

    @Test
    void aBrokerThatTricklesItsBodyIsCutOffAtTheDeadline() throws Exception {
        broker.behave(Catalog.DEMO_PREMIUM_PLAN_ID, Behaviour.HANGING);
        try {
            OsbClient impatient = new OsbClient(VERTX, Duration.ofSeconds(1), Duration.ofMillis(800), OsbClient.MAX_RESPONSE_BYTES, LOCAL, 4);
            long started = System.nanoTime();
            BrokerUnreachableException e = assertThrows(BrokerUnreachableException.class, () -> impatient.provision(endpoint,
                    UUID.randomUUID().toString(), new ProvisionRequest(Catalog.DEMO_SERVICE_ID, Catalog.DEMO_PREMIUM_PLAN_ID,
                            identity.municipalityId(), "stackit:eu01"), identity));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(BrokerUnreachableException.Kind.DEADLINE_EXCEEDED, e.kind());
            assertTrue(millis >= 700 && millis < 2000, "gave up after " + millis + " ms although the headers came at once");
            assertFalse(e.getMessage().contains("localhost"), e.getMessage());
        } finally {
            broker.behave(Catalog.DEMO_PREMIUM_PLAN_ID, Behaviour.SUCCEED);
        }
    }

    @Test
    void aResponseLargerThanTheBoundFailsAsTooLarge() throws Exception {
        broker.behave(Catalog.DEMO_PREMIUM_PLAN_ID, Behaviour.HUGE_BODY);
        try {
            ProvisionRequest request = new ProvisionRequest(Catalog.DEMO_SERVICE_ID, Catalog.DEMO_PREMIUM_PLAN_ID,
                    identity.municipalityId(), "stackit:eu01");
            BrokerUnreachableException e = assertThrows(BrokerUnreachableException.class,
                    () -> client.provision(endpoint, UUID.randomUUID().toString(), request, identity));
            assertEquals(BrokerUnreachableException.Kind.RESPONSE_TOO_LARGE, e.kind());
            assertTrue(e.getMessage().contains("response too large"), e.getMessage());

            OsbClient generous = new OsbClient(VERTX, Duration.ofSeconds(5), Duration.ofSeconds(5), 2 * 1024 * 1024, LOCAL, 4);
            assertEquals(202, generous.provision(endpoint, UUID.randomUUID().toString(), request, identity).status(),
                    "the same answer within a larger bound");
        } finally {
            broker.behave(Catalog.DEMO_PREMIUM_PLAN_ID, Behaviour.SUCCEED);
        }
    }

    /**
     * DNS rebinding: the name answers a public address when checked and loopback a moment later (as {@code localhost}
     * does for every other resolver). The call must go to the checked address, so the loopback broker gets nothing;
     * a client that resolves the name again when it connects reaches the sample broker on loopback.
     */
    @Test
    void theCallGoesToTheCheckedAddressNotToAFreshResolution() throws Exception {
        InetAddress publicAddress = InetAddress.getByAddress("localhost", new byte[] {(byte) 203, 0, 113, 10});
        InetAddress loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        AtomicInteger lookups = new AtomicInteger();
        BrokerAddressRule.Resolver rebinding = host -> new InetAddress[] {
                lookups.getAndIncrement() == 0 ? publicAddress : loopback};
        BrokerEndpoint rebound = new BrokerEndpoint(URI.create("http://localhost:" + broker.port()), "broker", "broker-secret");
        try (OsbClient production = new OsbClient(VERTX, Duration.ofMillis(500), Duration.ofSeconds(1),
                OsbClient.MAX_RESPONSE_BYTES, new BrokerAddressRule(true, false, rebinding), 4)) {
            int before = broker.requests().size();
            BrokerUnreachableException e = assertThrows(BrokerUnreachableException.class,
                    () -> production.catalog(rebound, identity));
            assertTrue(e.kind() == BrokerUnreachableException.Kind.CONNECTION_FAILED
                    || e.kind() == BrokerUnreachableException.Kind.DEADLINE_EXCEEDED, e.kind() + ": " + e.getMessage());
            assertEquals(before, broker.requests().size(), "the rebound loopback address got no request");
            assertEquals(1, lookups.get(), "the name is resolved once per call, for the check");
        }
    }

    /** The connection goes to the checked address; the host name stays in the Host header (and SNI for https). */
    @Test
    void theCheckedAddressIsCalledWithTheHostNameInTheHostHeader() throws Exception {
        InetAddress loopback = InetAddress.getByAddress("broker.pinned.invalid", new byte[] {127, 0, 0, 1});
        BrokerEndpoint named = new BrokerEndpoint(URI.create("http://broker.pinned.invalid:" + broker.port()), "broker",
                "broker-secret");
        try (OsbClient pinned = new OsbClient(VERTX, Duration.ofSeconds(5), Duration.ofSeconds(5),
                OsbClient.MAX_RESPONSE_BYTES, new BrokerAddressRule(true, true, host -> new InetAddress[] {loopback}), 4)) {
            assertEquals(200, pinned.catalog(named, identity).status(), "a name no DNS knows is reached at its checked address");
            RecordedRequest last = broker.requests().get(broker.requests().size() - 1);
            assertEquals("broker.pinned.invalid:" + broker.port(), last.header("Host"));
        }
    }
}
