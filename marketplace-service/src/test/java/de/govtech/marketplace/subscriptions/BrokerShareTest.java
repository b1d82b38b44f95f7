package de.govtech.marketplace.subscriptions;

import de.govtech.deploy.samplebroker.SampleBroker;
import de.govtech.deploy.samplebroker.SampleBrokerSettings;
import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.WAIT;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.awaitState;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.joinThroughKafka;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.order;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.publishedApp;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.requests;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.subscription;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample broker over real HTTP and a real database: a vendor with many orders gets at most its share of the
 * provisioning pool, and another vendor's order is provisioned while they wait.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class BrokerShareTest {

    static final String CROWDED_SLUG = "abo-anteil-voll";
    static final String OTHER_SLUG = "abo-anteil-frei";
    /**
     * A municipality of this class's own: one application and database serve every test class, and another class's
     * member leaving would deprovision these subscriptions at a broker that is gone by then — for ever, holding slots.
     */
    static final String MUNI_SHARE = "5a1b0000-0000-4000-8000-0000000000b1";
    static final int CROWD = 12;

    static SampleBroker crowdedBroker;
    static SampleBroker otherBroker;

    @Inject
    ProvisioningWorker worker;
    @Inject
    ProvisioningConfig config;

    private final CountDownLatch crowdReleased = new CountDownLatch(1);

    @BeforeAll
    static void startBrokers() throws Exception {
        SampleBrokerSettings settings = SampleBrokerSettings.defaults()
                .withUsername(SubscriptionFixtures.BROKER_USER).withPassword(SubscriptionFixtures.BROKER_PASSWORD)
                .withProvisionDelay(Duration.ofMillis(300)).withDeprovisionDelay(Duration.ofMillis(1500))
                .withRetryAfterSeconds(0);
        crowdedBroker = SampleBroker.start(settings.withCatalog(TestBrokerCatalog.forSlug(CROWDED_SLUG)));
        otherBroker = SampleBroker.start(settings.withCatalog(TestBrokerCatalog.forSlug(OTHER_SLUG)));
    }


    @AfterAll
    static void stopBrokers() {
        // what is left of this class's orders would keep the shared worker busy for later classes
        QuarkusTransaction.requiringNew().run(() -> Subscription.update(
                "step = null, nextAttemptAt = null, leaseOwner = null, leaseUntil = null where appSlug in ?1",
                List.of(CROWDED_SLUG, OTHER_SLUG)));
        crowdedBroker.close();
        otherBroker.close();
    }

    @AfterEach
    void noPause() {
        crowdReleased.countDown();
        worker.beforeBrokerCall((claim, call) -> { });
    }


    @Test
    @TestSecurity(user = "petra.admin", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MUNI_SHARE))
    void aVendorWithManyOrdersGetsItsShareAndAnotherVendorsOrderGoesThrough() throws Exception {
        publishedApp(CROWDED_SLUG, crowdedBroker.baseUrl(), "Basis");
        publishedApp(OTHER_SLUG, otherBroker.baseUrl(), "Basis");
        joinThroughKafka(MUNI_SHARE);
        int share = config.concurrencyPerBroker();
        // the crowded vendor's calls are held (as a very slow broker holds them) until the other order is provisioned
        String crowded = crowdedBroker.baseUrl().toString();
        AtomicInteger held = new AtomicInteger();
        AtomicInteger mostHeld = new AtomicInteger();
        worker.beforeBrokerCall((claim, call) -> {
            if (claim.broker().url().toString().equals(crowded)) {
                mostHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
                try {
                    crowdReleased.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    held.decrementAndGet();
                }
            }
        });
        List<UUID> crowd = new ArrayList<>();
        for (int i = 0; i < CROWD; i++) {
            crowd.add(order(CROWDED_SLUG, "Basis"));
        }
        await().atMost(WAIT).until(() -> held.get() >= share);

        UUID other = order(OTHER_SLUG, "Basis");
        awaitState(other, SubscriptionState.PROVISIONED);
        assertEquals(share, mostHeld.get(), "never more than its share of calls to one broker at once");
        assertTrue(crowd.stream().allMatch(id -> subscription(id).state == SubscriptionState.PROVISIONING));

        crowdReleased.countDown();
        for (UUID id : crowd) {
            awaitState(id, SubscriptionState.PROVISIONED);
            assertEquals(1, requests(crowdedBroker, id, "PUT").size());
        }
        assertTrue(mostHeld.get() <= share, "at most " + share + " calls at once, saw " + mostHeld.get());
    }
}
