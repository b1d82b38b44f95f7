package de.govtech.marketplace.subscriptions;

import de.govtech.deploy.samplebroker.SampleBroker;
import de.govtech.deploy.samplebroker.SampleBrokerSettings;
import de.govtech.marketplace.members.MemberProjection;
import de.govtech.marketplace.members.MemberStatus;
import de.govtech.marketplace.osb.BrokerEndpoint;
import de.govtech.platform.events.membership.MemberLeft;
import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.awaitMember;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.awaitState;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.joinThroughKafka;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.publishedApp;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.seededSubscription;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.subscription;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A municipality that leaves at the moment one of its subscriptions finishes provisioning ends without a running
 * instance: the completion and the member-left handler lock the same member row, and a periodic reconciliation
 * deprovisions whatever still slipped through.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class LeavingWhileProvisioningTest {

    static final String SLUG = "abo-austritt-app";
    static final String SERVICE_ID = TestBrokerCatalog.SERVICE_ID;
    static final String PLAN_ID = TestBrokerCatalog.BASIS_PLAN_ID;
    static final String MUNI_RACE = "5a1b0000-0000-4000-8000-0000000000f1";
    static final String MUNI_LEFT = "5a1b0000-0000-4000-8000-0000000000f2";
    static final String MUNI_STAYS = "5a1b0000-0000-4000-8000-0000000000f3";

    static SampleBroker broker;

    @Inject
    ProvisioningStore store;
    @Inject
    MemberProjection projection;
    @Inject
    ProvisioningReconciliation reconciliation;

    @BeforeAll
    static void start() throws Exception {
        broker = SampleBroker.start(SampleBrokerSettings.defaults()
                .withUsername(SubscriptionFixtures.BROKER_USER).withPassword(SubscriptionFixtures.BROKER_PASSWORD)
                .withDeprovisionDelay(java.time.Duration.ofMillis(100)).withCatalog(TestBrokerCatalog.forSlug(SLUG)));
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    /** A live subscription row with the broker's ids, as the worker leaves it; optionally held under a lease. */
    private static UUID subscriptionOf(String municipalityId, UUID appId, SubscriptionState state, String leaseToken) {
        UUID id = seededSubscription(municipalityId, appId, SLUG, state);
        QuarkusTransaction.requiringNew().run(() -> {
            Subscription s = Subscription.findById(id);
            s.brokerServiceId = SERVICE_ID;
            s.brokerPlanId = PLAN_ID;
            if (leaseToken != null) {
                s.step = DriverStep.POLL_PROVISION;
                s.operation = "provision-1";
                s.leaseOwner = leaseToken;
                s.leaseUntil = Instant.now().plusSeconds(60);
            }
        });
        return id;
    }

    @Test
    void aProvisioningThatCompletesWhileTheMemberLeavesEndsDeprovisioned() throws Exception {
        UUID appId = publishedApp(SLUG, broker.baseUrl(), "Basis");
        joinThroughKafka(MUNI_RACE);
        String token = "racing-worker/" + UUID.randomUUID();
        UUID id = subscriptionOf(MUNI_RACE, appId, SubscriptionState.PROVISIONING, token);
        Claim claim = new Claim(id, token, new ProvisioningRules.Work(DriverStep.POLL_PROVISION, 0, null, "provision-1",
                null, null), new BrokerEndpoint(broker.baseUrl(), SubscriptionFixtures.BROKER_USER,
                SubscriptionFixtures.BROKER_PASSWORD), SLUG, "Basis", UUID.fromString(MUNI_RACE), "stackit:eu01", "seed",
                SERVICE_ID, PLAN_ID);
        ProvisioningRules.Decision succeeded = new ProvisioningRules.Decision(ProvisioningRules.Outcome.PROVISIONED, null,
                null, 0, null, null, "https://dashboard.example/1", null);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch completedUncommitted = new CountDownLatch(1);
            // the worker stores "provisioned" and is slow to commit
            Future<Boolean> completion = threads.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                boolean stored = store.complete(claim, succeeded, null, Instant.now());
                completedUncommitted.countDown();
                Thread.sleep(1500);
                return stored;
            }));
            assertTrue(completedUncommitted.await(30, TimeUnit.SECONDS));
            // meanwhile the member-left event is applied
            Future<Long> leaving = threads.submit(() -> {
                long started = System.nanoTime();
                QuarkusTransaction.requiringNew().run(() ->
                        projection.apply(new MemberLeft(UUID.fromString(MUNI_RACE), LocalDate.now(), "Austritt")));
                return (System.nanoTime() - started) / 1_000_000;
            });
            assertTrue(completion.get(30, TimeUnit.SECONDS));
            long waitedMillis = leaving.get(30, TimeUnit.SECONDS);
            assertTrue(waitedMillis >= 1000, "the member-left handler waited for the member row: " + waitedMillis + " ms");
        } finally {
            threads.shutdownNow();
        }
        awaitMember(MUNI_RACE, MemberStatus.LEFT);
        Subscription gone = awaitState(id, SubscriptionState.DEPROVISIONED);
        assertEquals(MembershipRule.SYSTEM_ACTOR, gone.deprovisionRequestedBy);
    }

    @Test
    void theReconciliationDeprovisionsLiveSubscriptionsOfMembersWhoHaveLeft() {
        UUID appId = publishedApp(SLUG, broker.baseUrl(), "Basis");
        joinThroughKafka(MUNI_LEFT);
        joinThroughKafka(MUNI_STAYS);
        QuarkusTransaction.requiringNew().run(() ->
                projection.apply(new MemberLeft(UUID.fromString(MUNI_LEFT), LocalDate.now(), "Austritt")));
        // the inconsistent state, written directly: running although the member has left
        UUID stale = subscriptionOf(MUNI_LEFT, appId, SubscriptionState.PROVISIONED, null);
        UUID suspended = subscriptionOf(MUNI_LEFT, appId, SubscriptionState.SUSPENDED, null);
        UUID legit = subscriptionOf(MUNI_STAYS, appId, SubscriptionState.PROVISIONED, null);

        assertTrue(reconciliation.deprovisionForLeftMembers() >= 2);
        awaitState(stale, SubscriptionState.DEPROVISIONED);
        awaitState(suspended, SubscriptionState.DEPROVISIONED);
        assertEquals(MembershipRule.SYSTEM_ACTOR, subscription(stale).deprovisionRequestedBy);
        assertEquals(SubscriptionState.PROVISIONED, subscription(legit).state, "an active member's subscription stays");
        reconciliation.deprovisionForLeftMembers();
        assertEquals(SubscriptionState.DEPROVISIONED, subscription(stale).state);
    }
}
