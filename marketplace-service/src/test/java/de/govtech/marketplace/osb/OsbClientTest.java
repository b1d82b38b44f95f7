package de.govtech.marketplace.osb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.govtech.deploy.samplebroker.Behaviour;
import de.govtech.deploy.samplebroker.Catalog;
import de.govtech.deploy.samplebroker.RecordedRequest;
import de.govtech.deploy.samplebroker.SampleBroker;
import de.govtech.deploy.samplebroker.SampleBrokerSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

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

    private static SampleBroker broker;
    private static BrokerEndpoint endpoint;
    private final OsbClient client = new OsbClient(Duration.ofSeconds(5), LOCAL);
    private final OriginatingIdentity identity = new OriginatingIdentity("anna.admin", UUID.fromString(
            "0f5b7a3e-0000-4000-8000-000000000001"));

    @BeforeAll
    static void start() throws Exception {
        broker = SampleBroker.start(SampleBrokerSettings.defaults().withProvisionDelay(Duration.ofMillis(200))
                .withDeprovisionDelay(Duration.ofMillis(100)));
        endpoint = new BrokerEndpoint(broker.baseUrl(), "broker", "broker-secret");
    }

    @AfterAll
    static void stop() {
        broker.close();
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
        OsbClient production = new OsbClient(Duration.ofSeconds(5), BrokerAddressRule.withDns(true, false));
        int before = broker.requests().size();
        BrokerUnreachableException refused = assertThrows(BrokerUnreachableException.class,
                () -> production.catalog(endpoint, identity));
        assertEquals(BrokerUnreachableException.Kind.ADDRESS_REFUSED, refused.kind());
        assertTrue(refused.getMessage().contains("loopback"), refused.getMessage());
        assertFalse(refused.getMessage().contains("localhost") || refused.getMessage().contains("127.0.0.1"), refused.getMessage());
        assertEquals(before, broker.requests().size(), "nothing reached the broker");

        OsbClient httpsOnly = new OsbClient(Duration.ofSeconds(5), BrokerAddressRule.withDns(false, true));
        assertEquals(BrokerUnreachableException.Kind.ADDRESS_REFUSED,
                assertThrows(BrokerUnreachableException.class, () -> httpsOnly.catalog(endpoint, identity)).kind());
        assertEquals(before, broker.requests().size(), "nothing reached the broker");
    }

    @Test
    void aBrokerThatTricklesItsBodyIsCutOffAtTheDeadline() {
        broker.behave(Catalog.DEMO_PREMIUM_PLAN_ID, Behaviour.HANGING);
        try {
            OsbClient impatient = new OsbClient(Duration.ofSeconds(1), Duration.ofMillis(800), OsbClient.MAX_RESPONSE_BYTES, LOCAL);
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

            OsbClient generous = new OsbClient(Duration.ofSeconds(5), Duration.ofSeconds(5), 2 * 1024 * 1024, LOCAL);
            assertEquals(202, generous.provision(endpoint, UUID.randomUUID().toString(), request, identity).status(),
                    "the same answer within a larger bound");
        } finally {
            broker.behave(Catalog.DEMO_PREMIUM_PLAN_ID, Behaviour.SUCCEED);
        }
    }
}
