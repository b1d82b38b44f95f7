package de.govtech.deploy.samplebroker;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static de.govtech.deploy.samplebroker.Catalog.DEMO_BASIS_PLAN_ID;
import static de.govtech.deploy.samplebroker.Catalog.DEMO_PREMIUM_PLAN_ID;
import static de.govtech.deploy.samplebroker.Catalog.DEMO_SERVICE_ID;
import static de.govtech.deploy.samplebroker.OsbClient.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OSB 2.17 rules of the broker, each proven over real HTTP. */
class SampleBrokerProtocolTest {

    private static final Duration PROVISION_DELAY = Duration.ofMillis(1000);
    private static final Duration DEPROVISION_DELAY = Duration.ofMillis(800);
    private static SampleBroker broker;
    private static OsbClient osb;

    @BeforeAll
    static void start() throws Exception {
        broker = SampleBroker.start(SampleBrokerSettings.defaults()
                .withUsername("vendor").withPassword("s3cret")
                .withProvisionDelay(PROVISION_DELAY).withDeprovisionDelay(DEPROVISION_DELAY)
                .withRetryAfterSeconds(7));
        osb = new OsbClient(broker.baseUrl(), "vendor", "s3cret");
        // warm up client and server (class loading, JIT) so the first test can watch an operation in progress
        osb.get("/v2/catalog");
        osb.provision("warm-up", DEMO_SERVICE_ID, "no-such-plan");
        osb.lastOperation("warm-up");
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @AfterEach
    void resetBehaviour() {
        broker.behave(DEMO_BASIS_PLAN_ID, Behaviour.SUCCEED);
        broker.behave(DEMO_PREMIUM_PLAN_ID, Behaviour.SUCCEED);
    }

    // --- auth and version ---

    @Test
    void requestWithoutCredentialsIsRefusedWith401AndABasicChallenge() {
        OsbClient.Answer answer = osb.send(HttpRequest.newBuilder(broker.baseUrl().resolve("/v2/catalog"))
                .header("X-Broker-API-Version", "2.17").GET());
        assertEquals(401, answer.status());
        assertTrue(answer.header("WWW-Authenticate").startsWith("Basic"));
    }

    @Test
    void requestWithAWrongPasswordIsRefusedWith401() {
        OsbClient wrong = new OsbClient(broker.baseUrl(), "vendor", "guess");
        assertEquals(401, wrong.get("/v2/catalog").status());
        assertEquals(401, wrong.provision(id(), DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID).status());
    }

    @Test
    void requestWithoutApiVersionIsRefusedWith412AndADescription() {
        OsbClient.Answer answer = osb.send(osb.request("/v2/catalog").setHeader("X-Broker-API-Version", "").GET());
        assertEquals(412, answer.status());
        assertTrue(answer.body().path("description").asText().contains("X-Broker-API-Version"));
    }

    @Test
    void onlyMajorVersionTwoIsAccepted() {
        assertEquals(412, osb.send(osb.request("/v2/catalog").setHeader("X-Broker-API-Version", "3.0").GET()).status());
        assertEquals(412, osb.send(osb.request("/v2/catalog").setHeader("X-Broker-API-Version", "1.2").GET()).status());
        assertEquals(200, osb.send(osb.request("/v2/catalog").setHeader("X-Broker-API-Version", "2.14").GET()).status());
    }

    @Test
    void healthAnswersWithoutCredentialsOrVersion() {
        OsbClient.Answer answer = osb.send(HttpRequest.newBuilder(broker.baseUrl().resolve("/health")).GET());
        assertEquals(200, answer.status());
        assertEquals("UP", answer.body().path("status").asText());
    }

    // --- catalog ---

    @Test
    void catalogListsTheDemoServiceWithItsPlansButNotTheBehaviourExtension() {
        OsbClient.Answer answer = osb.get("/v2/catalog");
        assertEquals(200, answer.status());
        var service = answer.body().path("services").get(0);
        assertEquals(DEMO_SERVICE_ID, service.path("id").asText());
        assertEquals("buergerservice-demo", service.path("name").asText());
        assertFalse(service.path("bindable").asBoolean(true));
        assertTrue(service.path("instances_retrievable").asBoolean());
        assertEquals(List.of("basis", "premium"), service.path("plans").findValuesAsText("name"));
        assertEquals(List.of(DEMO_BASIS_PLAN_ID, DEMO_PREMIUM_PLAN_ID), service.path("plans").findValuesAsText("id"));
        assertFalse(answer.raw().body().contains("x-behaviour"));
    }

    // --- provisioning ---

    @Test
    void provisionIsAsynchronousAndSucceedsAfterTheDelay() {
        String id = id();
        long sent = System.nanoTime();
        OsbClient.Answer accepted = osb.provision(id, DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID);
        assertEquals(202, accepted.status());
        assertEquals(broker.baseUrl() + "/dashboard/" + id, accepted.body().path("dashboard_url").asText());
        String operation = accepted.body().path("operation").asText();
        assertFalse(operation.isBlank());

        OsbClient.Answer running = osb.get("/v2/service_instances/" + id + "/last_operation?operation=" + operation
                + "&service_id=" + DEMO_SERVICE_ID + "&plan_id=" + DEMO_BASIS_PLAN_ID);
        OsbClient.Answer fetchedEarly = osb.get("/v2/service_instances/" + id);
        assumeWithin(sent, PROVISION_DELAY);
        assertEquals(200, running.status());
        assertEquals("in progress", running.body().path("state").asText());
        assertEquals("7", running.header("Retry-After"));
        assertEquals(404, fetchedEarly.status(), "fetch while provisioning");

        OsbClient.Answer done = osb.awaitLastOperation(id, answer -> !"in progress".equals(answer.body().path("state").asText()));
        assertEquals("succeeded", done.body().path("state").asText());
        assertNull(done.header("Retry-After"));

        OsbClient.Answer fetched = osb.get("/v2/service_instances/" + id);
        assertEquals(200, fetched.status());
        assertEquals(DEMO_SERVICE_ID, fetched.body().path("service_id").asText());
        assertEquals(DEMO_BASIS_PLAN_ID, fetched.body().path("plan_id").asText());
        assertEquals(accepted.body().path("dashboard_url").asText(), fetched.body().path("dashboard_url").asText());
        assertEquals(new BrokerInstance(id, DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID, "succeeded", "provision",
                broker.baseUrl() + "/dashboard/" + id), broker.instances().get(id));
    }

    @Test
    void provisionWithoutAcceptsIncompleteIsRefusedWith422AsyncRequired() {
        String id = id();
        OsbClient.Answer answer = osb.put("/v2/service_instances/" + id, OsbClient.body(DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID));
        assertEquals(422, answer.status());
        assertEquals("AsyncRequired", answer.body().path("error").asText());
        assertEquals(422, osb.put("/v2/service_instances/" + id + "?accepts_incomplete=false",
                OsbClient.body(DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID)).status());
        assertFalse(broker.instances().containsKey(id));
    }

    @Test
    void unknownServiceOrPlanOrABadBodyIsRefusedWith400() {
        String id = id();
        assertEquals(400, osb.provision(id, "no-such-service", DEMO_BASIS_PLAN_ID).status());
        assertEquals(400, osb.provision(id, DEMO_SERVICE_ID, "no-such-plan").status());
        assertEquals(400, osb.put("/v2/service_instances/" + id + "?accepts_incomplete=true", "{\"plan_id\":\"x\"}").status());
        assertEquals(400, osb.put("/v2/service_instances/" + id + "?accepts_incomplete=true", "not json").status());
        assertEquals(400, osb.put("/v2/service_instances/" + id + "?accepts_incomplete=true", "[]").status());
        OsbClient.Answer unknownPlan = osb.provision(id, DEMO_SERVICE_ID, "no-such-plan");
        assertTrue(unknownPlan.body().path("description").asText().contains("no-such-plan"));
        assertFalse(broker.instances().containsKey(id));
    }

    @Test
    void theSameProvisionRepeatedIs202WhileInProgressAnd200WhenDone() {
        String id = id();
        long sent = System.nanoTime();
        OsbClient.Answer first = osb.provision(id, DEMO_SERVICE_ID, DEMO_PREMIUM_PLAN_ID);
        OsbClient.Answer again = osb.provision(id, DEMO_SERVICE_ID, DEMO_PREMIUM_PLAN_ID);
        assumeWithin(sent, PROVISION_DELAY);
        assertEquals(202, again.status());
        assertEquals(first.body().path("operation").asText(), again.body().path("operation").asText());

        osb.awaitLastOperation(id, state("succeeded"));
        OsbClient.Answer afterwards = osb.provision(id, DEMO_SERVICE_ID, DEMO_PREMIUM_PLAN_ID);
        assertEquals(200, afterwards.status());
        assertEquals(first.body().path("dashboard_url").asText(), afterwards.body().path("dashboard_url").asText());
    }

    @Test
    void theSameIdWithADifferentBodyIsAConflict() {
        String id = id();
        assertEquals(202, osb.provision(id, DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID).status());
        assertEquals(409, osb.provision(id, DEMO_SERVICE_ID, DEMO_PREMIUM_PLAN_ID).status());
        osb.awaitLastOperation(id, state("succeeded"));
        assertEquals(409, osb.provision(id, DEMO_SERVICE_ID, DEMO_PREMIUM_PLAN_ID).status());
        assertEquals(DEMO_BASIS_PLAN_ID, broker.instances().get(id).planId());
    }

    @Test
    void failAsyncReportsFailedAfterTheDelayAndTheOrphanCanBeDeleted() {
        broker.behave(DEMO_PREMIUM_PLAN_ID, Behaviour.FAIL_ASYNC);
        String id = id();
        long sent = System.nanoTime();
        assertEquals(202, osb.provision(id, DEMO_SERVICE_ID, DEMO_PREMIUM_PLAN_ID).status());
        OsbClient.Answer running = osb.lastOperation(id);
        assumeWithin(sent, PROVISION_DELAY);
        assertEquals("in progress", running.body().path("state").asText());

        OsbClient.Answer failed = osb.awaitLastOperation(id, answer -> !"in progress".equals(answer.body().path("state").asText()));
        assertEquals("failed", failed.body().path("state").asText());
        assertFalse(failed.body().path("description").asText().isBlank());
        assertEquals("failed", broker.instances().get(id).state());

        assertDeprovisionedCompletely(id, DEMO_PREMIUM_PLAN_ID);
    }

    @Test
    void fail5xxAnswers500AndLeavesAnOrphanThatDeleteRemoves() {
        broker.behave(DEMO_BASIS_PLAN_ID, Behaviour.FAIL_5XX);
        String id = id();
        OsbClient.Answer answer = osb.provision(id, DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID);
        assertEquals(500, answer.status());
        assertFalse(answer.body().path("description").asText().isBlank());
        assertEquals("failed", broker.instances().get(id).state());

        assertDeprovisionedCompletely(id, DEMO_BASIS_PLAN_ID);
    }

    @Test
    void neverFinishStaysInProgressUntilTheInstanceIsDeleted() {
        broker.behave(DEMO_BASIS_PLAN_ID, Behaviour.NEVER_FINISH);
        String id = id();
        assertEquals(202, osb.provision(id, DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID).status());
        OsbClient.sleep(PROVISION_DELAY.multipliedBy(3).toMillis());
        OsbClient.Answer still = osb.lastOperation(id);
        assertEquals("in progress", still.body().path("state").asText());
        assertEquals("7", still.header("Retry-After"));

        assertDeprovisionedCompletely(id, DEMO_BASIS_PLAN_ID);
    }

    @Test
    void aBehaviourChangeAppliesToLaterProvisionsOnly() {
        String before = id();
        assertEquals(202, osb.provision(before, DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID).status());
        broker.behave(DEMO_BASIS_PLAN_ID, Behaviour.FAIL_ASYNC);
        String after = id();
        assertEquals(202, osb.provision(after, DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID).status());

        osb.awaitLastOperation(before, state("succeeded"));
        osb.awaitLastOperation(after, state("failed"));
    }

    @Test
    void aFailedProvisionCanBeTriedAgainUnderTheSameId() {
        broker.behave(DEMO_BASIS_PLAN_ID, Behaviour.FAIL_ASYNC);
        String id = id();
        osb.provision(id, DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID);
        osb.awaitLastOperation(id, state("failed"));
        broker.behave(DEMO_BASIS_PLAN_ID, Behaviour.SUCCEED);
        assertEquals(202, osb.provision(id, DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID).status());
        osb.awaitLastOperation(id, state("succeeded"));
    }

    @Test
    void behaveRefusesAPlanThatIsNotInTheCatalog() {
        assertThrows(IllegalArgumentException.class, () -> broker.behave("no-such-plan", Behaviour.FAIL_5XX));
    }

    // --- deprovisioning and last_operation of unknown instances ---

    @Test
    void deprovisionIsAsynchronousAndTheInstanceIsGoneAfterwards() {
        String id = id();
        osb.provision(id, DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID);
        osb.awaitLastOperation(id, state("succeeded"));

        long sent = System.nanoTime();
        OsbClient.Answer accepted = osb.deprovision(id, DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID);
        String operation = accepted.body().path("operation").asText();
        OsbClient.Answer repeated = osb.deprovision(id, DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID);
        OsbClient.Answer putWhileDeprovisioning = osb.provision(id, DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID);
        OsbClient.Answer running = osb.get("/v2/service_instances/" + id + "/last_operation?operation=" + operation);
        BrokerInstance instance = broker.instances().get(id);
        assumeWithin(sent, DEPROVISION_DELAY);
        assertEquals(202, accepted.status());
        assertFalse(operation.isBlank());
        assertEquals(operation, repeated.body().path("operation").asText(),
                "a repeated DELETE while deprovisioning reports the same operation");
        assertEquals(422, putWhileDeprovisioning.status(), "PUT while deprovisioning");
        assertEquals("ConcurrencyError", putWhileDeprovisioning.body().path("error").asText());
        assertEquals("in progress", running.body().path("state").asText());
        assertEquals("7", running.header("Retry-After"));
        assertEquals("deprovision", instance.operation());

        OsbClient.Answer gone = osb.awaitLastOperation(id, answer -> answer.status() != 200);
        assertEquals(410, gone.status());
        assertEquals(0, gone.body().size());
        assertEquals(404, osb.get("/v2/service_instances/" + id).status());
        assertFalse(broker.instances().containsKey(id));
    }

    @Test
    void deleteOfAnUnknownInstanceIsGone() {
        OsbClient.Answer answer = osb.deprovision(id(), DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID);
        assertEquals(410, answer.status());
        assertTrue(answer.body().isObject());
        assertEquals(0, answer.body().size());
    }

    @Test
    void deleteNeedsAcceptsIncompleteAndServiceAndPlanIds() {
        String id = id();
        osb.provision(id, DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID);
        OsbClient.Answer sync = osb.delete("/v2/service_instances/" + id + "?service_id=" + DEMO_SERVICE_ID
                + "&plan_id=" + DEMO_BASIS_PLAN_ID);
        assertEquals(422, sync.status());
        assertEquals("AsyncRequired", sync.body().path("error").asText());
        assertEquals(400, osb.delete("/v2/service_instances/" + id + "?plan_id=" + DEMO_BASIS_PLAN_ID
                + "&accepts_incomplete=true").status());
        assertEquals("provision", broker.instances().get(id).operation(), "nothing started by a refused DELETE");
    }

    @Test
    void lastOperationOfAnInstanceNeverSeenIsNotFound() {
        assertEquals(404, osb.lastOperation(id()).status());
        assertEquals(404, osb.get("/v2/service_instances/" + id()).status());
    }

    @Test
    void lastOperationPolledWithADeprovisionOperationOfAnUnknownInstanceIsGone() {
        assertEquals(410, osb.get("/v2/service_instances/" + id() + "/last_operation?operation=deprovision-x").status());
    }

    // --- recording, routing, concurrency ---

    @Test
    void everyRequestIsRecordedInOrderWithLowerCaseHeadersQueryAndBody() {
        broker.clearRequests();
        String id = id();
        String body = OsbClient.body(DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID);
        osb.send(osb.request("/v2/service_instances/" + id + "?accepts_incomplete=true")
                .header("X-Broker-API-Originating-Identity", "govtech-kommunal eyJ1c2VyX2lkIjoiYSJ9")
                .header("X-Broker-API-Request-Identity", "req-42")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
        osb.lastOperation(id);

        List<RecordedRequest> requests = broker.requests();
        assertEquals(2, requests.size());
        RecordedRequest put = requests.get(0);
        assertEquals("PUT", put.method());
        assertEquals("/v2/service_instances/" + id, put.path());
        assertEquals("accepts_incomplete=true", put.query());
        assertEquals(body, put.body());
        assertEquals("2.17", put.headers().get("x-broker-api-version"));
        assertEquals("govtech-kommunal eyJ1c2VyX2lkIjoiYSJ9", put.headers().get("x-broker-api-originating-identity"));
        assertEquals("req-42", put.headers().get("x-broker-api-request-identity"));
        assertEquals("GET", requests.get(1).method());
        assertEquals("/v2/service_instances/" + id + "/last_operation", requests.get(1).path());
        assertEquals("", requests.get(1).query());
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() {
        assertEquals(404, osb.get("/v2/service_instances/x/service_bindings/y").status());
        OsbClient.Answer wrongMethod = osb.send(osb.request("/v2/catalog").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, wrongMethod.status());
        assertEquals("GET", wrongMethod.header("Allow"));
    }

    @Test
    void theDashboardUrlShowsTheInstance() {
        String id = id();
        String dashboard = osb.provision(id, DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID).body().path("dashboard_url").asText();
        OsbClient.Answer page = osb.send(HttpRequest.newBuilder(java.net.URI.create(dashboard)).GET());
        assertEquals(200, page.status());
        assertTrue(page.body().asText().contains(id));
    }

    @Test
    void manyProvisionsAtOnceAllComplete() throws Exception {
        List<String> ids = java.util.stream.IntStream.range(0, 24).mapToObj(i -> id()).toList();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (String id : ids) {
                statuses.add(pool.submit(() -> osb.provision(id, DEMO_SERVICE_ID, DEMO_PREMIUM_PLAN_ID).status()));
            }
            for (var status : statuses) {
                assertEquals(202, status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        for (String id : ids) {
            osb.awaitLastOperation(id, state("succeeded"));
        }
        assertTrue(broker.instances().keySet().containsAll(ids));
        assertEquals(ids.size(), ids.stream().map(id -> broker.instances().get(id).dashboardUrl()).distinct().count());
    }

    private void assertDeprovisionedCompletely(String id, String planId) {
        OsbClient.Answer accepted = osb.deprovision(id, DEMO_SERVICE_ID, planId);
        assertEquals(202, accepted.status());
        assertNotEquals("", accepted.body().path("operation").asText());
        assertEquals(410, osb.awaitLastOperation(id, answer -> answer.status() != 200).status());
        assertFalse(broker.instances().containsKey(id));
    }

    /**
     * "In progress" can only be asserted when the answers came back before the operation's delay was over; on a
     * machine too slow for that the test is skipped rather than flaky.
     */
    private static void assumeWithin(long sentNanos, Duration delay) {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.nanoTime() - sentNanos < delay.toNanos(),
                "the answers came back after the operation's delay: too slow to observe it in progress");
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
