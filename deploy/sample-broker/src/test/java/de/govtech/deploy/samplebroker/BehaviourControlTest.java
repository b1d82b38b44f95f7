package de.govtech.deploy.samplebroker;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static de.govtech.deploy.samplebroker.Catalog.DEMO_BASIS_PLAN_ID;
import static de.govtech.deploy.samplebroker.Catalog.DEMO_PREMIUM_PLAN_ID;
import static de.govtech.deploy.samplebroker.Catalog.DEMO_SERVICE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A plan's behaviour changed over HTTP, as tests do with the local stack's broker process. */
class BehaviourControlTest {

    private static final Duration PROVISION_DELAY = Duration.ofMillis(600);
    private static SampleBroker broker;
    private static OsbClient osb;

    @BeforeAll
    static void start() throws Exception {
        broker = SampleBroker.start(SampleBrokerSettings.defaults().withProvisionDelay(PROVISION_DELAY));
        osb = new OsbClient(broker.baseUrl(), "broker", "broker-secret");
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void aPlanSwitchedToSlowAnswersItsProvisionsLateAndTheOtherPlanStaysQuick() {
        OsbClient.Answer changed = osb.put("/control/plans/" + DEMO_PREMIUM_PLAN_ID + "/behaviour", "{\"behaviour\":\"SLOW\"}");
        assertEquals(200, changed.status(), changed.body().toString());
        assertEquals("SLOW", changed.body().path("behaviour").asText());
        try {
            long started = System.nanoTime();
            assertEquals(202, osb.provision(UUID.randomUUID().toString(), DEMO_SERVICE_ID, DEMO_PREMIUM_PLAN_ID).status());
            assertTrue(System.nanoTime() - started >= PROVISION_DELAY.toNanos(), "the PUT of the slow plan answered at once");

            started = System.nanoTime();
            assertEquals(202, osb.provision(UUID.randomUUID().toString(), DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID).status());
            assertTrue(System.nanoTime() - started < PROVISION_DELAY.toNanos(), "the other plan's PUT waited too");
        } finally {
            assertEquals(200, osb.put("/control/plans/" + DEMO_PREMIUM_PLAN_ID + "/behaviour", "{\"behaviour\":\"SUCCEED\"}").status());
        }
        long started = System.nanoTime();
        assertEquals(202, osb.provision(UUID.randomUUID().toString(), DEMO_SERVICE_ID, DEMO_PREMIUM_PLAN_ID).status());
        assertTrue(System.nanoTime() - started < PROVISION_DELAY.toNanos(), "switched back, the PUT still waited");
    }

    @Test
    void withoutTheBrokersCredentialsNothingChanges() {
        OsbClient stranger = new OsbClient(broker.baseUrl(), "broker", "guess");
        OsbClient.Answer refused = stranger.put("/control/plans/" + DEMO_BASIS_PLAN_ID + "/behaviour", "{\"behaviour\":\"FAIL_5XX\"}");

        assertEquals(401, refused.status());
        assertEquals(202, osb.provision(UUID.randomUUID().toString(), DEMO_SERVICE_ID, DEMO_BASIS_PLAN_ID).status(),
                "the plan's behaviour changed without credentials");
    }

    @Test
    void anUnknownBehaviourOrPlanIsRefusedNamingIt() {
        OsbClient.Answer badBehaviour = osb.put("/control/plans/" + DEMO_BASIS_PLAN_ID + "/behaviour", "{\"behaviour\":\"LAZY\"}");
        assertEquals(400, badBehaviour.status());
        assertTrue(badBehaviour.body().path("description").asText().contains("\"LAZY\""), badBehaviour.body().toString());

        assertEquals(400, osb.put("/control/plans/" + DEMO_BASIS_PLAN_ID + "/behaviour", "not json").status());

        OsbClient.Answer unknownPlan = osb.put("/control/plans/no-such-plan/behaviour", "{\"behaviour\":\"SLOW\"}");
        assertEquals(404, unknownPlan.status());
        assertTrue(unknownPlan.body().path("description").asText().contains("no-such-plan"), unknownPlan.body().toString());
    }
}
