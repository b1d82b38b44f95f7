package de.govtech.marketplace.subscriptions;

import de.govtech.deploy.samplebroker.Catalog;
import de.govtech.deploy.samplebroker.SampleBroker;
import de.govtech.deploy.samplebroker.SampleBrokerSettings;
import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.BASE;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.WAIT;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.awaitState;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.joinThroughKafka;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.order;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.publishedApp;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.requests;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.subscription;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provisioning worker against misbehaving brokers (the sample broker's fault behaviours) over real HTTP and a
 * real database: leases checked with the database clock before every call, the hard call deadline and response bound,
 * and the OSB 2.17 rules for 408, 410, 422, malformed and overlong answers.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class ProvisioningFaultsTest {

    static final String LEASE_SLUG = "abo-stoer-lease";
    static final String FAULT_SLUG = "abo-stoer-regeln";
    static final String GONE_SLUG = "abo-stoer-weg";
    static final String CATALOG = """
            {"services": [{"id": "2e8d5d2f-aaaa-4bbb-8ccc-000000000001", "name": "%s", "description": "Stoer-Test",
              "bindable": false, "instances_retrievable": true, "plans": [
                {"id": "2e8d5d2f-aaaa-4bbb-8ccc-000000000010", "name": "basis", "description": "b"},
                {"id": "2e8d5d2f-aaaa-4bbb-8ccc-000000000011", "name": "langsam", "description": "s", "x-behaviour": "SLOW"},
                {"id": "2e8d5d2f-aaaa-4bbb-8ccc-000000000012", "name": "haengt", "description": "h", "x-behaviour": "HANGING"},
                {"id": "2e8d5d2f-aaaa-4bbb-8ccc-000000000013", "name": "zeit", "description": "t", "x-behaviour": "TIMEOUT_408"},
                {"id": "2e8d5d2f-aaaa-4bbb-8ccc-000000000014", "name": "weg", "description": "g", "x-behaviour": "GONE_410"},
                {"id": "2e8d5d2f-aaaa-4bbb-8ccc-000000000015", "name": "besetzt", "description": "c", "x-behaviour": "CONCURRENCY_422"},
                {"id": "2e8d5d2f-aaaa-4bbb-8ccc-000000000016", "name": "kaputt", "description": "m", "x-behaviour": "MALFORMED"},
                {"id": "2e8d5d2f-aaaa-4bbb-8ccc-000000000017", "name": "lang", "description": "l", "x-behaviour": "LONG_VALUES"},
                {"id": "2e8d5d2f-aaaa-4bbb-8ccc-000000000018", "name": "riesig", "description": "r", "x-behaviour": "HUGE_BODY"}
              ]}]}""";
    static final String[] PLANS = {"Basis", "Langsam", "Haengt", "Zeit", "Weg", "Besetzt", "Kaputt", "Lang", "Riesig"};

    static final String MUNI_LEASE = "5a1b0000-0000-4000-8000-0000000000e1";
    static final String MUNI_FAULTS = "5a1b0000-0000-4000-8000-0000000000e2";

    static SampleBroker leaseBroker;
    static SampleBroker faultBroker;
    /** Provisions for long enough to be polled several times while it answers 410. */
    static SampleBroker goneBroker;
    static final java.util.Queue<String> GONE_LOG = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @Inject
    ProvisioningWorker worker;
    @Inject
    ProvisioningReconciliation reconciliation;
    @Inject
    MeterRegistry registry;

    @BeforeAll
    static void startBrokers() throws Exception {
        SampleBrokerSettings settings = SampleBrokerSettings.defaults()
                .withUsername(SubscriptionFixtures.BROKER_USER).withPassword(SubscriptionFixtures.BROKER_PASSWORD)
                .withProvisionDelay(Duration.ofMillis(600)).withDeprovisionDelay(Duration.ofMillis(200))
                .withRetryAfterSeconds(0);
        leaseBroker = SampleBroker.start(settings.withCatalog(Catalog.parse(CATALOG.formatted(LEASE_SLUG))));
        faultBroker = SampleBroker.start(settings.withCatalog(Catalog.parse(CATALOG.formatted(FAULT_SLUG))));
        goneBroker = SampleBroker.start(settings.withProvisionDelay(Duration.ofMillis(1500))
                .withCatalog(Catalog.parse(CATALOG.formatted(GONE_SLUG))), GONE_LOG::add);
    }

    @AfterAll
    static void stopBrokers() {
        leaseBroker.close();
        faultBroker.close();
        goneBroker.close();
    }

    @AfterEach
    void noPause() {
        worker.beforeBrokerCall((claim, call) -> { });
    }


    /** A pause of the first worker that is about to call the broker for {@code slug} in {@code step}. */
    private final class Pause {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);
        final CountDownLatch resumed = new CountDownLatch(1);

        Pause(String slug, DriverStep step) {
            AtomicBoolean once = new AtomicBoolean();
            worker.beforeBrokerCall((claim, call) -> {
                if (claim.appSlug().equals(slug) && claim.work().step() == step && once.compareAndSet(false, true)) {
                    reached.countDown();
                    try {
                        resume.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    resumed.countDown();
                }
            });
        }

        void awaitReached() throws InterruptedException {
            assertTrue(reached.await(WAIT.toSeconds(), TimeUnit.SECONDS), "no worker reached the broker call");
        }

        /** Lets the paused worker go on and gives it time to send what it would send. */
        void release() throws InterruptedException {
            resume.countDown();
            assertTrue(resumed.await(5, TimeUnit.SECONDS));
            Thread.sleep(1500);
        }
    }

    /** The paused worker's lease runs out (by the database clock), as if its pause had lasted longer than the lease. */
    private static void expireLease(UUID id) {
        assertEquals(1, (int) QuarkusTransaction.requiringNew().call(() -> Subscription.getEntityManager()
                .createNativeQuery("update subscription set lease_until = clock_timestamp() - interval '1 second' "
                        + "where id = :id and lease_owner is not null")
                .setParameter("id", id).executeUpdate()));
    }

    @Test
    @TestSecurity(user = "lea.admin", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MUNI_LEASE))
    void aWorkerThatLostItsLeaseNeverSendsItsRequest() throws Exception {
        publishedApp(LEASE_SLUG, leaseBroker.baseUrl(), PLANS);
        joinThroughKafka(MUNI_LEASE);

        // Provision: worker A pauses right before its first call, its lease runs out, worker B takes over and provisions.
        Pause provision = new Pause(LEASE_SLUG, DriverStep.PROVISION);
        UUID id = order(LEASE_SLUG, "Langsam");
        provision.awaitReached();
        expireLease(id);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
            worker.driveDue();
            return subscription(id).step != DriverStep.PROVISION;
        });
        assertEquals(1, requests(leaseBroker, id, "PUT").size(), "worker B provisioned");
        provision.release();
        assertEquals(1, requests(leaseBroker, id, "PUT").size(), "worker A, whose lease was taken over, sent nothing");
        awaitState(id, SubscriptionState.PROVISIONED);

        // Deprovision: the same with the DELETE.
        Pause deprovision = new Pause(LEASE_SLUG, DriverStep.DEPROVISION);
        given().delete(BASE + "/" + id).then().statusCode(202);
        deprovision.awaitReached();
        expireLease(id);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
            worker.driveDue();
            return subscription(id).step != DriverStep.DEPROVISION;
        });
        deprovision.release();
        awaitState(id, SubscriptionState.DEPROVISIONED);
        assertEquals(1, requests(leaseBroker, id, "DELETE").size(), "one DELETE: the stale worker sent none");

        // A lease that merely expired (nobody took over yet) is just as lost: the worker neither calls nor stores.
        Pause expired = new Pause(LEASE_SLUG, DriverStep.PROVISION);
        UUID lonely = order(LEASE_SLUG, "Basis");
        expired.awaitReached();
        QuarkusTransaction.requiringNew().run(() -> Subscription.getEntityManager()
                .createNativeQuery("update subscription set next_attempt_at = clock_timestamp() + interval '1 hour' "
                        + "where id = :id").setParameter("id", lonely).executeUpdate());
        expireLease(lonely);
        String staleOwner = subscription(lonely).leaseOwner;
        long catalogReads = catalogReads();
        expired.release();
        assertEquals(0, requests(leaseBroker, lonely, "PUT").size(), "no request after the lease expired");
        assertEquals(catalogReads, catalogReads(), "not even the catalog");
        Subscription untouched = subscription(lonely);
        assertEquals(DriverStep.PROVISION, untouched.step, "no result stored");
        assertEquals(staleOwner, untouched.leaseOwner);
        QuarkusTransaction.requiringNew().run(() -> Subscription.update("nextAttemptAt = ?1 where id = ?2",
                java.time.Instant.now(), lonely));
        awaitState(lonely, SubscriptionState.PROVISIONED);
        assertEquals(1, requests(leaseBroker, lonely, "PUT").size());
    }

    private static long catalogReads() {
        return leaseBroker.requests().stream().filter(r -> r.path().equals("/v2/catalog")).count();
    }

    @Test
    @TestSecurity(user = "olga.admin", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MUNI_FAULTS))
    void theOsbRulesForMisbehavingBrokers() throws Exception {
        publishedApp(FAULT_SLUG, faultBroker.baseUrl(), PLANS);
        publishedApp(GONE_SLUG, goneBroker.baseUrl(), PLANS);
        joinThroughKafka(MUNI_FAULTS);
        UUID slow = order(FAULT_SLUG, "Langsam");
        UUID timeout408 = order(FAULT_SLUG, "Zeit");
        UUID gone410 = order(GONE_SLUG, "Weg");
        UUID busy422 = order(FAULT_SLUG, "Besetzt");
        UUID malformed = order(FAULT_SLUG, "Kaputt");
        UUID longValues = order(FAULT_SLUG, "Lang");
        UUID huge = order(FAULT_SLUG, "Riesig");

        // a slow broker within the deadline is just slow
        awaitState(slow, SubscriptionState.PROVISIONED);

        // 408: the request never reached the broker — PUT again, no orphan mitigation
        awaitState(timeout408, SubscriptionState.PROVISIONED);
        assertEquals(2, requests(faultBroker, timeout408, "PUT").size());
        assertEquals(0, requests(faultBroker, timeout408, "DELETE").size(), "no orphan mitigation after 408");

        // 410 from last_operation while provisioning: keep polling
        awaitState(gone410, SubscriptionState.PROVISIONED);
        assertTrue(GONE_LOG.stream().anyMatch(line -> line.contains(gone410 + "/last_operation") && line.contains("-> 410")),
                "the broker did answer 410 while provisioning: " + GONE_LOG);

        // 422 ConcurrencyError: wait and PUT again
        awaitState(busy422, SubscriptionState.PROVISIONED);
        assertEquals(2, requests(faultBroker, busy422, "PUT").size());
        assertEquals(0, requests(faultBroker, busy422, "DELETE").size());

        // malformed 201, overlong values, an oversized body: FAILED, with the orphan deleted
        Map<UUID, String> reasons = Map.of(malformed, "HTTP 201 with a body that is not an OSB object",
                longValues, "the broker's operation is longer than 1000 characters",
                huge, "response too large");
        for (Map.Entry<UUID, String> expected : reasons.entrySet()) {
            UUID id = expected.getKey();
            Subscription failed = awaitState(id, SubscriptionState.FAILED);
            assertTrue(failed.failureReason.contains(expected.getValue()), failed.failureReason);
            assertFalse(failed.failureReason.contains("localhost"), failed.failureReason);
            await().atMost(WAIT).until(() -> subscription(id).orphanCleanup == OrphanCleanup.DONE);
            assertEquals(1, requests(faultBroker, id, "PUT").size(), "refused once, not retried: " + expected.getValue());
            assertFalse(faultBroker.instances().containsKey(id.toString()), "the orphan is gone");
            given().get(BASE + "/" + id).then().statusCode(200).body("state", equalTo("FAILED"));
        }
    }

    @Test
    void orphanMitigationKeepsTryingUntilTheBrokerConfirmsAndAlerts() throws Exception {
        String slug = "abo-stoer-verwaist";
        SampleBrokerSettings settings = SampleBrokerSettings.defaults()
                .withUsername(SubscriptionFixtures.BROKER_USER).withPassword(SubscriptionFixtures.BROKER_PASSWORD)
                .withCatalog(Catalog.parse(CATALOG.formatted(slug)));
        SampleBroker gone = SampleBroker.start(settings);
        int port = gone.port();
        UUID appId = publishedApp(slug, gone.baseUrl(), PLANS);
        gone.close();
        // a failed provisioning whose orphan is to be deleted at a broker that is down
        UUID id = SubscriptionFixtures.seededSubscription(MUNI_FAULTS, appId, slug, SubscriptionState.FAILED);
        QuarkusTransaction.requiringNew().run(() -> {
            Subscription s = Subscription.findById(id);
            s.orphanCleanup = OrphanCleanup.PENDING;
            s.step = DriverStep.ORPHAN_DELETE;
            s.brokerServiceId = "2e8d5d2f-aaaa-4bbb-8ccc-000000000001";
            s.brokerPlanId = "2e8d5d2f-aaaa-4bbb-8ccc-000000000010";
            s.failureReason = "provision: HTTP 500";
            s.nextAttemptAt = java.time.Instant.now();
        });
        await().atMost(WAIT).until(() -> subscription(id).attempts >= 5);
        assertEquals(OrphanCleanup.PENDING, subscription(id).orphanCleanup, "still trying, not given up");
        assertTrue(reconciliation.countUnconfirmedOrphans() >= 1);
        assertTrue(registry.get(ProvisioningReconciliation.UNCONFIRMED_ORPHANS).gauge().value() >= 1, "alerted as a metric");

        try (SampleBroker back = SampleBroker.start(settings.withPort(port))) {
            await().atMost(WAIT).until(() -> subscription(id).orphanCleanup == OrphanCleanup.DONE);
            assertEquals(1, requests(back, id, "DELETE").size(), "the broker confirmed (410: no such instance)");
        }
        Subscription done = subscription(id);
        assertNull(done.step);
        assertEquals(SubscriptionState.FAILED, done.state);
    }
}
