package de.govtech.marketplace.subscriptions;

import de.govtech.deploy.samplebroker.SampleBroker;
import de.govtech.deploy.samplebroker.SampleBrokerSettings;
import de.govtech.platform.events.marketplace.ProvisioningFailed;
import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.WAIT;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.awaitState;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.joinThroughKafka;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.order;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.publishedApp;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.requests;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * As many hanging vendor brokers as the pool tolerates, each holding its whole share of calls, and one healthy vendor
 * whose order comes after: it is provisioned while every hanging call still hangs (before the first reaches the call
 * deadline).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class HangingBrokersTest {

    static final String HANGING_SLUG = "abo-haengt-";
    static final String HEALTHY_SLUG = "abo-haengt-nicht";
    /** A municipality of this class's own (one application and database serve every test class). */
    static final String MUNI_HANGING = "5a1b0000-0000-4000-8000-0000000000a1";

    static final String WORKER = "provisioning-worker";

    static final Map<String, SampleBroker> BROKERS = new ConcurrentHashMap<>();

    @Inject
    ProvisioningConfig config;
    @Inject
    ProvisioningWorker worker;
    @Inject
    Scheduler scheduler;

    @AfterAll
    static void stopBrokers() {
        QuarkusTransaction.requiringNew().run(() -> Subscription.update(
                "step = null, nextAttemptAt = null, leaseOwner = null, leaseUntil = null where appSlug in ?1",
                List.copyOf(BROKERS.keySet())));
        BROKERS.values().forEach(SampleBroker::close);
    }

    private static SampleBroker broker(String slug) throws Exception {
        SampleBroker broker = SampleBroker.start(SampleBrokerSettings.defaults()
                .withUsername(SubscriptionFixtures.BROKER_USER).withPassword(SubscriptionFixtures.BROKER_PASSWORD)
                .withProvisionDelay(Duration.ofMillis(100)).withDeprovisionDelay(Duration.ofMillis(100))
                .withRetryAfterSeconds(0).withCatalog(TestBrokerCatalog.forSlug(slug)));
        BROKERS.put(slug, broker);
        publishedApp(slug, broker.baseUrl(), "Basis", "Haengt");
        return broker;
    }

    @Test
    @TestSecurity(user = "hanna.admin", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MUNI_HANGING))
    void theToleratedNumberOfHangingBrokersDoesNotHoldUpAnotherVendor() throws Exception {
        int share = config.concurrencyPerBroker();
        int hangingBrokers = ProvisioningWorker.toleratedHangingBrokers(config.concurrency(), share);
        assertTrue(hangingBrokers >= 2, "the pool tolerates " + hangingBrokers + " hanging brokers");
        List<SampleBroker> hanging = new ArrayList<>();
        for (int i = 0; i < hangingBrokers; i++) {
            hanging.add(broker(HANGING_SLUG + i));
        }
        SampleBroker healthy = broker(HEALTHY_SLUG);
        joinThroughKafka(MUNI_HANGING);

        // Every hanging broker gets its whole share of calls, all hanging at once: the orders are placed while the
        // scheduled worker is paused and then claimed as fast as the worker can, so that the last one starts well
        // within the (test profile's) call deadline of the first.
        Map<UUID, SampleBroker> hangingOrders = new ConcurrentHashMap<>();
        scheduler.pause(WORKER);
        try {
            for (int i = 0; i < hangingBrokers; i++) {
                for (int n = 0; n < share; n++) {
                    hangingOrders.put(order(HANGING_SLUG + i, "Haengt"), hanging.get(i));
                }
            }
            await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> {
                worker.dispatchDue();
                return hangingOrders.entrySet().stream()
                        .allMatch(e -> !requests(e.getValue(), e.getKey(), "PUT").isEmpty());
            });
        } finally {
            scheduler.resume(WORKER);
        }

        UUID ok = order(HEALTHY_SLUG, "Basis");
        Instant provisioned = awaitState(ok, SubscriptionState.PROVISIONED).provisionedAt;
        assertEquals(1, requests(healthy, ok, "PUT").size());

        // the hanging calls end at the call deadline, named by kind (no URL), and their orphans are deleted ...
        String reason = "no complete answer within " + config.callDeadline().toMillis() + " ms";
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> Subscription.count("id in ?1 and state = ?2 and "
                                + "orphanCleanup = ?3 and failureReason like ?4 and failureReason not like '%localhost%'",
                        List.copyOf(hangingOrders.keySet()), SubscriptionState.FAILED, OrphanCleanup.DONE,
                        "%" + reason + "%")) == hangingOrders.size());
        for (Map.Entry<UUID, SampleBroker> e : hangingOrders.entrySet()) {
            assertEquals(1, requests(e.getValue(), e.getKey(), "PUT").size());
        }
        // ... but only after the healthy vendor's order was provisioned: it did not wait for any of them
        Instant firstHangingCallEnded = firstFailure(hangingOrders.keySet());
        assertTrue(provisioned.isBefore(firstHangingCallEnded), "provisioned at " + provisioned
                + ", after the first hanging call had ended at " + firstHangingCallEnded);
    }

    /** When the first of {@code ids} failed: its provisioning-failed event's time (the clock of provisionedAt). */
    private static Instant firstFailure(Collection<UUID> ids) {
        long micros = QuarkusTransaction.requiringNew().call(() -> ((Number) Subscription.getEntityManager()
                .createNativeQuery("""
                        select floor(extract(epoch from min(occurred_at)) * 1000000)::bigint from outbox_event
                        where event_type = :type and aggregate_id in (:ids)""")
                .setParameter("type", ProvisioningFailed.TYPE)
                .setParameter("ids", ids.stream().map(UUID::toString).toList())
                .getSingleResult()).longValue());
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
