package de.govtech.deploy.samplebroker;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static de.govtech.deploy.samplebroker.Catalog.DEMO_BASIS_PLAN_ID;
import static de.govtech.deploy.samplebroker.Catalog.DEMO_SERVICE_ID;
import static de.govtech.deploy.samplebroker.OsbClient.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The misbehaving brokers the marketplace must survive: slow, hanging, 408, 410, 422, malformed, oversized answers. */
class SampleBrokerFaultBehaviourTest {

    private static final Duration PROVISION_DELAY = Duration.ofMillis(700);
    private static SampleBroker broker;
    private static OsbClient osb;

    @BeforeAll
    static void start() throws Exception {
        broker = SampleBroker.start(SampleBrokerSettings.defaults().withProvisionDelay(PROVISION_DELAY)
                .withDeprovisionDelay(Duration.ofMillis(200)));
        osb = new OsbClient(broker.baseUrl(), "broker", "broker-secret");
        osb.get("/v2/catalog");
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @AfterEach
    void resetBehaviour() {
        broker.behave(DEMO_BASIS_PLAN_ID, Behaviour.SUCCEED);
    }

    @Test
    void slowAnswersOnlyAfterTheDelayAndSucceeds() {
        broker.behave(DEMO_BASIS_PLAN_ID, Behaviour.SLOW);
        String id = id();
        long started = System.nanoTime();
        assertEquals(202, osb.provision(id, DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID).status());
        assertTrue(System.nanoTime() - started >= PROVISION_DELAY.toNanos(), "the PUT answered before the delay");
        started = System.nanoTime();
        osb.lastOperation(id);
        assertTrue(System.nanoTime() - started >= PROVISION_DELAY.toNanos(), "last_operation answered before the delay");
        osb.awaitLastOperation(id, state("succeeded"));
    }

    @Test
    void hangingSendsTheHeadersThenTricklesTheBodyForever() throws Exception {
        broker.behave(DEMO_BASIS_PLAN_ID, Behaviour.HANGING);
        String id = id();
        HttpURLConnection put = (HttpURLConnection) URI.create(broker.baseUrl() + "/v2/service_instances/" + id
                + "?accepts_incomplete=true").toURL().openConnection();
        put.setRequestMethod("PUT");
        put.setDoOutput(true);
        put.setReadTimeout(2000);
        put.setRequestProperty("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString("broker:broker-secret".getBytes(StandardCharsets.UTF_8)));
        put.setRequestProperty("X-Broker-API-Version", "2.17");
        put.getOutputStream().write(OsbClient.body(DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID).getBytes(StandardCharsets.UTF_8));
        assertEquals(202, put.getResponseCode(), "the headers come at once");
        long started = System.nanoTime();
        try (InputStream in = put.getInputStream()) {
            byte[] buffer = new byte[64];
            int received = 0;
            while (System.nanoTime() - started < Duration.ofMillis(1800).toNanos()) {
                received += Math.max(0, in.read(buffer));
            }
            assertTrue(received >= 2, "the body trickles: " + received + " bytes");
            assertTrue(received < 10, "but never finishes: " + received + " bytes");
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the trickle stopped", e);
        } finally {
            put.disconnect();
        }
        assertTrue(broker.instances().containsKey(id), "the instance was created anyway");
    }

    @Test
    void timeout408AnswersTheFirstPutWithoutCreatingAnythingAndTheRetrySucceeds() {
        broker.behave(DEMO_BASIS_PLAN_ID, Behaviour.TIMEOUT_408);
        String id = id();
        assertEquals(408, osb.provision(id, DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID).status());
        assertFalse(broker.instances().containsKey(id));
        assertEquals(202, osb.provision(id, DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID).status());
        osb.awaitLastOperation(id, state("succeeded"));
    }

    @Test
    void gone410IsAnsweredByLastOperationWhileTheProvisionRunsThenSucceeded() {
        broker.behave(DEMO_BASIS_PLAN_ID, Behaviour.GONE_410);
        String id = id();
        long sent = System.nanoTime();
        assertEquals(202, osb.provision(id, DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID).status());
        OsbClient.Answer running = osb.lastOperation(id);
        if (System.nanoTime() - sent < PROVISION_DELAY.toNanos()) {
            assertEquals(410, running.status());
        }
        osb.awaitLastOperation(id, state("succeeded"));
    }

    @Test
    void concurrency422AnswersTheFirstPutWithConcurrencyErrorAndTheRetrySucceeds() {
        broker.behave(DEMO_BASIS_PLAN_ID, Behaviour.CONCURRENCY_422);
        String id = id();
        OsbClient.Answer busy = osb.provision(id, DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID);
        assertEquals(422, busy.status());
        assertEquals("ConcurrencyError", busy.body().path("error").asText());
        assertEquals(202, osb.provision(id, DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID).status());
        osb.awaitLastOperation(id, state("succeeded"));
    }

    @Test
    void malformedAnswers201WithHtmlAndCreatesTheInstance() {
        broker.behave(DEMO_BASIS_PLAN_ID, Behaviour.MALFORMED);
        String id = id();
        OsbClient.Answer answer = osb.provision(id, DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID);
        assertEquals(201, answer.status());
        assertTrue(answer.header("Content-Type").startsWith("text/html"));
        assertTrue(answer.body().isTextual(), "not a JSON object");
        assertTrue(broker.instances().containsKey(id));
        assertEquals(202, osb.deprovision(id, DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID).status());
    }

    @Test
    void longValuesExceedTheUsualColumnsAndHugeBodyIsAMebibyte() {
        broker.behave(DEMO_BASIS_PLAN_ID, Behaviour.LONG_VALUES);
        OsbClient.Answer longValues = osb.provision(id(), DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID);
        assertEquals(202, longValues.status());
        assertTrue(longValues.body().path("operation").asText().length() > 1500);
        assertTrue(longValues.body().path("dashboard_url").asText().length() > 2500);

        broker.behave(DEMO_BASIS_PLAN_ID, Behaviour.HUGE_BODY);
        String id = id();
        OsbClient.Answer huge = osb.provision(id, DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID);
        assertEquals(202, huge.status());
        assertTrue(huge.raw().body().length() > 1024 * 1024);
        assertTrue(broker.instances().containsKey(id));
    }

    @Test
    void anUnknownBehaviourNameInTheCatalogListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Catalog.parse("""
                {"services": [{"id": "s", "name": "n", "description": "d", "plans": [
                  {"id": "p", "name": "p", "description": "d", "x-behaviour": "explode"}]}]}"""));
        assertTrue(e.getMessage().contains("HANGING"), e.getMessage());
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
