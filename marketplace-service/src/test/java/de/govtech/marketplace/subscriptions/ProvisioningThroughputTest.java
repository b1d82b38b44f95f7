package de.govtech.marketplace.subscriptions;

import de.govtech.deploy.samplebroker.SampleBroker;
import de.govtech.deploy.samplebroker.SampleBrokerSettings;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.awaitState;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.joinThroughKafka;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.order;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.publishedApp;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.requests;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Throughput is bounded by the slots and the broker, not by the worker interval: with the scheduled runs paused (as if
 * the interval were far longer than the test), one run is enough for more orders than one claim batch to be
 * provisioned — each finished step claims again, and the worker wakes up when a poll becomes due.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class ProvisioningThroughputTest {

    static final String SLUG = "abo-durchsatz";
    /** A municipality of this class's own (one application and database serve every test class). */
    static final String MUNI_THROUGHPUT = "5a1b0000-0000-4000-8000-0000000000a3";
    static final String WORKER = "provisioning-worker";

    static SampleBroker broker;

    @Inject
    ProvisioningWorker worker;
    @Inject
    ProvisioningConfig config;
    @Inject
    Scheduler scheduler;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = SampleBroker.start(SampleBrokerSettings.defaults()
                .withUsername(SubscriptionFixtures.BROKER_USER).withPassword(SubscriptionFixtures.BROKER_PASSWORD)
                .withProvisionDelay(Duration.ofMillis(100)).withRetryAfterSeconds(0)
                .withCatalog(TestBrokerCatalog.forSlug(SLUG)));
    }

    @AfterAll
    static void stopBroker() {
        QuarkusTransaction.requiringNew().run(() -> Subscription.update(
                "step = null, nextAttemptAt = null, leaseOwner = null, leaseUntil = null where appSlug = ?1", SLUG));
        broker.close();
    }

    @AfterEach
    void resume() {
        scheduler.resume(WORKER);
    }

    @Test
    @TestSecurity(user = "dora.admin", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MUNI_THROUGHPUT))
    void moreOrdersThanOneBatchAreProvisionedWithinOneWorkerRun() {
        publishedApp(SLUG, broker.baseUrl(), "Basis");
        joinThroughKafka(MUNI_THROUGHPUT);
        scheduler.pause(WORKER);
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < config.batchSize() * 2 + 5; i++) {
            orders.add(order(SLUG, "Basis"));
        }

        worker.dispatchDue(); // the one scheduled run; the next one does not come during this test

        for (UUID id : orders) {
            awaitState(id, SubscriptionState.PROVISIONED);
            assertEquals(1, requests(broker, id, "PUT").size());
        }
    }
}
