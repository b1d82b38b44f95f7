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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

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
 * The sample broker over real HTTP and a real database: a {@code last_operation} answered with a 2xx that is no last
 * operation (a proxy's HTML page in front of the sample broker) is polled again until the operation's deadline — for a
 * provision and for an orphan deletion, which is not sent again.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class MalformedLastOperationTest {

    static final String MANGLED_SLUG = "abo-html-umfrage";
    static final String ORPHAN_SLUG = "abo-html-waise";
    /**
     * A municipality of this class's own: one application and database serve every test class, and another class's
     * member leaving would deprovision these subscriptions at a broker that is gone by then — for ever, holding slots.
     */
    static final String MUNI_MANGLED = "5a1b0000-0000-4000-8000-0000000000b2";

    static SampleBroker mangledBroker;
    static SampleBroker orphanBroker;
    static ManglingProxy pollProxy;
    static ManglingProxy orphanProxy;

    @BeforeAll
    static void startBrokers() throws Exception {
        SampleBrokerSettings settings = SampleBrokerSettings.defaults()
                .withUsername(SubscriptionFixtures.BROKER_USER).withPassword(SubscriptionFixtures.BROKER_PASSWORD)
                .withProvisionDelay(Duration.ofMillis(300)).withDeprovisionDelay(Duration.ofMillis(1500))
                .withRetryAfterSeconds(0);
        mangledBroker = SampleBroker.start(settings.withCatalog(TestBrokerCatalog.forSlug(MANGLED_SLUG)));
        orphanBroker = SampleBroker.start(settings.withCatalog(TestBrokerCatalog.forSlug(ORPHAN_SLUG)));
        pollProxy = ManglingProxy.start(mangledBroker.baseUrl(), TestBrokerCatalog.BASIS_PLAN_ID, 3, false);
        orphanProxy = ManglingProxy.start(orphanBroker.baseUrl(), TestBrokerCatalog.FAILING_PLAN_ID, 3, true);
    }


    @AfterAll
    static void stopBrokers() {
        // what is left of this class's orders would keep the shared worker busy for later classes
        QuarkusTransaction.requiringNew().run(() -> Subscription.update(
                "step = null, nextAttemptAt = null, leaseOwner = null, leaseUntil = null where appSlug in ?1",
                List.of(MANGLED_SLUG, ORPHAN_SLUG)));
        pollProxy.close();
        orphanProxy.close();
        mangledBroker.close();
        orphanBroker.close();
    }


    @Test
    @TestSecurity(user = "mara.admin", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MUNI_MANGLED))
    void aLastOperationThatIsNotOneIsPolledAgain_provisionAndOrphanDeletion() {
        publishedApp(MANGLED_SLUG, pollProxy.baseUrl(), "Basis");
        publishedApp(ORPHAN_SLUG, orphanProxy.baseUrl(), "Scheitert");
        joinThroughKafka(MUNI_MANGLED);

        // provision: three HTML answers to last_operation, then the broker's own → PROVISIONED, one PUT
        UUID provisioned = order(MANGLED_SLUG, "Basis");
        awaitState(provisioned, SubscriptionState.PROVISIONED);
        assertEquals(1, requests(mangledBroker, provisioned, "PUT").size());
        assertTrue(pollProxy.mangled.get() >= 3, "mangled " + pollProxy.mangled.get());

        // orphan deletion: the DELETE is answered 202, three polls get HTML — polled again, not deleted again
        UUID failed = order(ORPHAN_SLUG, "Scheitert");
        awaitState(failed, SubscriptionState.FAILED);
        await().atMost(WAIT).until(() -> subscription(failed).orphanCleanup == OrphanCleanup.DONE);
        assertEquals(1, requests(orphanBroker, failed, "DELETE").size(), "the orphan deletion was sent once");
        assertTrue(orphanProxy.mangled.get() >= 3, "mangled " + orphanProxy.mangled.get());
    }
}
