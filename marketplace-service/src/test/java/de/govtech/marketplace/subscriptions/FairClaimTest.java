package de.govtech.marketplace.subscriptions;

import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.WAIT;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.publishedApp;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.seededSubscription;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The claim order under a backlog: dead brokers' deprovisioning retries, overdue for an hour, and a healthy broker's
 * fresh orders. Every broker's longest-waiting step comes before any broker's second, and first attempts before
 * retries, so the fresh order is claimed first and no broker gets a second claim while another has none.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class FairClaimTest {

    /** A municipality of this class's own (one application and database serve every test class). */
    static final String MUNI_FAIR = "5a1b0000-0000-4000-8000-0000000000a2";
    static final int DEAD_BROKERS = 4;
    static final int RETRIES_EACH = 6;

    @Inject
    ProvisioningStore store;
    @Inject
    ProvisioningWorker worker;

    private final List<Claim> claimed = new ArrayList<>();

    @AfterEach
    void settle() {
        claimed.forEach(store::defer);
        QuarkusTransaction.requiringNew().run(() -> Subscription.update(
                "step = null, nextAttemptAt = null, leaseOwner = null, leaseUntil = null where municipalityId = ?1",
                UUID.fromString(MUNI_FAIR)));
        worker.hold(false);
    }

    @Test
    void deadBrokersRetriesCrowdOutNeitherFreshOrdersNorHealthyBrokers() {
        // only this test claims while it runs; steps in flight from earlier classes end within their call deadline
        worker.hold(true);
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> Subscription.count(
                "leaseUntil is not null and step is not null")) == 0);

        for (int b = 0; b < DEAD_BROKERS; b++) {
            String slug = "abo-fair-tot-" + b;
            UUID app = publishedApp(slug, URI.create("http://127.0.0.1:9/tot-" + b), "Basis");
            for (int r = 0; r < RETRIES_EACH; r++) {
                // broker 0's retries are the most overdue, then broker 1's, …: all older than any fresh order
                due(seededSubscription(MUNI_FAIR, app, slug, SubscriptionState.DEPROVISIONING), DriverStep.DEPROVISION,
                        7, 120 - b * RETRIES_EACH - r);
            }
        }
        String healthySlug = "abo-fair-gesund";
        UUID healthyApp = publishedApp(healthySlug, URI.create("http://127.0.0.1:9/gesund"), "Basis");
        UUID fresh = seededSubscription(MUNI_FAIR, healthyApp, healthySlug, SubscriptionState.PROVISIONING);
        due(fresh, DriverStep.PROVISION, 0, 0);
        UUID secondFresh = seededSubscription(MUNI_FAIR, healthyApp, healthySlug, SubscriptionState.PROVISIONING);
        due(secondFresh, DriverStep.PROVISION, 0, 0);

        // one claim with a slot for each broker (the dead ones and the healthy one)
        claimed.addAll(store.claimDue("fair-claim-test", Duration.ofSeconds(30), DEAD_BROKERS + 1, 2, Set.of()));

        assertEquals(DEAD_BROKERS + 1, claimed.size());
        assertEquals(fresh, claimed.get(0).subscriptionId(), "the fresh order before the dead brokers' retries");
        Set<String> brokers = claimed.stream().map(c -> c.broker().url().toString()).collect(Collectors.toSet());
        assertEquals(DEAD_BROKERS + 1, brokers.size(), "one claim per broker before any broker's second: " + claimed);

        // the next claim: every broker's second turn, the healthy broker's second order first again
        List<Claim> next = store.claimDue("fair-claim-test", Duration.ofSeconds(30), DEAD_BROKERS + 1, 2, Set.of());
        claimed.addAll(next);
        assertEquals(secondFresh, next.get(0).subscriptionId());
        assertEquals(DEAD_BROKERS, next.stream().skip(1).map(c -> c.broker().url().toString()).distinct().count());
    }

    /** Makes a seeded subscription due at {@code step} since {@code minutesAgo}, after {@code attempts} failures. */
    private static void due(UUID id, DriverStep step, int attempts, int minutesAgo) {
        QuarkusTransaction.requiringNew().run(() -> Subscription.getEntityManager().createNativeQuery("""
                        update subscription set step = :step, attempts = :attempts,
                               next_attempt_at = clock_timestamp() - :minutes * interval '1 minute'
                        where id = :id""")
                .setParameter("step", step.name()).setParameter("attempts", attempts)
                .setParameter("minutes", minutesAgo).setParameter("id", id).executeUpdate());
    }
}
