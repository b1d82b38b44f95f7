package de.govtech.marketplace.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.govtech.deploy.samplebroker.Catalog;
import de.govtech.deploy.samplebroker.RecordedRequest;
import de.govtech.deploy.samplebroker.SampleBroker;
import de.govtech.deploy.samplebroker.SampleBrokerSettings;
import de.govtech.marketplace.members.MemberStatus;
import de.govtech.platform.events.marketplace.AppDeprovisioned;
import de.govtech.platform.events.marketplace.AppProvisioned;
import de.govtech.platform.events.marketplace.ProvisioningFailed;
import de.govtech.platform.events.membership.MemberLeft;
import de.govtech.platform.events.membership.MemberReinstated;
import de.govtech.platform.events.membership.MemberSuspended;
import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.KafkaTopicReader;
import de.govtech.platform.testkit.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.BASE;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.WAIT;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.awaitMember;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.awaitState;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.joinThroughKafka;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.outboxEvents;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.publishedApp;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.sendMembershipEvents;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.subscription;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ordering and provisioning against the sample OSB broker over real HTTP, with events read back from Kafka: success,
 * the three failure modes with orphan mitigation, Retry-After, deprovisioning, the membership rule, and resuming after
 * a crashed worker.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class SubscriptionProvisioningTest {

    static final String SLUG = "abo-test-app";
    static final String SLOW_SLUG = "abo-test-app-langsam";
    static final String CATALOG = """
            {"services": [{"id": "1d7c4c1e-aaaa-4bbb-8ccc-000000000001", "name": "%s", "description": "Abo-Test", "bindable": false,
              "instances_retrievable": true, "plans": [
                {"id": "1d7c4c1e-aaaa-4bbb-8ccc-000000000011", "name": "basis", "description": "b"},
                {"id": "1d7c4c1e-aaaa-4bbb-8ccc-000000000012", "name": "fehler", "description": "f", "x-behaviour": "FAIL_ASYNC"},
                {"id": "1d7c4c1e-aaaa-4bbb-8ccc-000000000013", "name": "kaputt", "description": "k", "x-behaviour": "FAIL_5XX"},
                {"id": "1d7c4c1e-aaaa-4bbb-8ccc-000000000014", "name": "endlos", "description": "e", "x-behaviour": "NEVER_FINISH"}
              ]}]}""";

    static final String MUNI_A = "5a1b0000-0000-4000-8000-00000000000a";
    static final String MUNI_FAIL = "5a1b0000-0000-4000-8000-00000000000f";
    static final String MUNI_RULE = "5a1b0000-0000-4000-8000-0000000000c1";
    static final String MUNI_LEAVING = "5a1b0000-0000-4000-8000-0000000000c2";
    static final String MUNI_CRASH = "5a1b0000-0000-4000-8000-0000000000d1";

    static SampleBroker broker;
    /** A second vendor's broker with a long provisioning, to interrupt the worker mid-operation. */
    static SampleBroker slowBroker;

    @Inject
    ProvisioningWorker worker;

    @BeforeAll
    static void startBrokers() throws Exception {
        SampleBrokerSettings settings = SampleBrokerSettings.defaults()
                .withUsername(SubscriptionFixtures.BROKER_USER).withPassword(SubscriptionFixtures.BROKER_PASSWORD)
                .withProvisionDelay(Duration.ofMillis(800)).withDeprovisionDelay(Duration.ofMillis(300))
                .withRetryAfterSeconds(1);
        broker = SampleBroker.start(settings.withCatalog(Catalog.parse(CATALOG.formatted(SLUG))));
        slowBroker = SampleBroker.start(settings.withProvisionDelay(Duration.ofMillis(2500))
                .withCatalog(Catalog.parse(CATALOG.formatted(SLOW_SLUG))));
    }

    @AfterAll
    static void stopBrokers() {
        broker.close();
        slowBroker.close();
    }

    private static UUID app() {
        return publishedApp(SLUG, broker.baseUrl(), "Basis", "Fehler", "Kaputt", "Endlos", "Gold");
    }

    private static UUID order(String plan) {
        return order(SLUG, plan);
    }

    private static UUID order(String slug, String plan) {
        String location = given().contentType(ContentType.JSON)
                .body("{\"appSlug\": \"%s\", \"plan\": \"%s\", \"cloudTarget\": \"stackit:eu01\"}".formatted(slug, plan))
                .when().post(BASE)
                .then().statusCode(201).body("state", equalTo("PROVISIONING")).extract().header("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private static List<RecordedRequest> requestsFor(SampleBroker b, UUID instance, String method) {
        return b.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals("/v2/service_instances/" + instance))
                .toList();
    }

    private static JsonNode event(UUID subscriptionId, String type) throws Exception {
        List<ConsumerRecord<String, String>> records = KafkaTopicReader.fromTestBroker().readMatching("marketplace.events",
                r -> subscriptionId.toString().equals(r.key()) && type.equals(KafkaTopicReader.header(r, "ce_type")), 1, WAIT);
        assertEquals(1, records.size(), type + " of " + subscriptionId);
        return new ObjectMapper().readTree(records.get(0).value());
    }

    @Test
    @TestSecurity(user = "maria.admin-a", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MUNI_A))
    void aMemberOrdersTheAppIsProvisionedAndDeprovisioned() throws Exception {
        UUID appId = app();
        joinThroughKafka(MUNI_A);

        var created = given().contentType(ContentType.JSON)
                .body("{\"appSlug\": \"" + SLUG + "\", \"plan\": \"basis\", \"cloudTarget\": \"stackit:eu01\"}")
                .when().post(BASE)
                .then().statusCode(201).body("state", equalTo("PROVISIONING")).body("plan", equalTo("Basis"))
                .body("appId", equalTo(appId.toString())).extract();
        UUID id = UUID.fromString(created.path("id"));
        assertTrue(created.header("Location").endsWith(BASE + "/" + id), created.header("Location"));

        Subscription done = awaitState(id, SubscriptionState.PROVISIONED);
        assertNotNull(done.dashboardUrl);
        given().get(BASE + "/" + id).then().statusCode(200).body("state", equalTo("PROVISIONED"))
                .body("dashboardUrl", equalTo(done.dashboardUrl));

        JsonNode provisioned = event(id, AppProvisioned.TYPE);
        assertEquals(id.toString(), provisioned.path("subscriptionId").asText());
        assertEquals(appId.toString(), provisioned.path("appId").asText());
        assertEquals(OrderRules.planId(appId, "Basis").toString(), provisioned.path("planId").asText());
        assertEquals(MUNI_A, provisioned.path("municipalityId").asText());
        assertEquals("stackit:eu01", provisioned.path("cloudTarget").asText());
        assertEquals(done.dashboardUrl, provisioned.path("dashboardUrl").asText());

        // The protocol as the broker saw it.
        List<RecordedRequest> puts = requestsFor(broker, id, "PUT");
        assertEquals(1, puts.size());
        RecordedRequest put = puts.get(0);
        assertEquals("accepts_incomplete=true", put.query());
        assertEquals("2.17", put.header("x-broker-api-version"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString((SubscriptionFixtures.BROKER_USER + ":"
                + SubscriptionFixtures.BROKER_PASSWORD).getBytes(StandardCharsets.UTF_8)), put.header("authorization"));
        String[] origin = put.header("x-broker-api-originating-identity").split(" ");
        assertEquals("govtech", origin[0]);
        JsonNode user = new ObjectMapper().readTree(Base64.getDecoder().decode(origin[1]));
        assertEquals("maria.admin-a", user.path("user_id").asText());
        assertEquals(MUNI_A, user.path("municipality_id").asText());
        UUID.fromString(put.header("x-broker-api-request-identity"));
        JsonNode body = new ObjectMapper().readTree(put.body());
        assertEquals("1d7c4c1e-aaaa-4bbb-8ccc-000000000001", body.path("service_id").asText());
        assertEquals("1d7c4c1e-aaaa-4bbb-8ccc-000000000011", body.path("plan_id").asText());
        assertEquals("govtech-kommunal", body.path("context").path("platform").asText());
        assertEquals(MUNI_A, body.path("context").path("municipality_id").asText());
        assertEquals("stackit:eu01", body.path("context").path("cloud_target").asText());
        assertTrue(broker.requests().stream().anyMatch(r -> r.path().equals("/v2/catalog")));
        assertTrue(broker.requests().stream().anyMatch(r -> r.path().equals("/v2/service_instances/" + id + "/last_operation")
                && r.query().contains("operation=")));

        given().delete(BASE + "/" + id).then().statusCode(202).body("state", equalTo("DEPROVISIONING"));
        given().delete(BASE + "/" + id).then().statusCode(202).body("state", equalTo("DEPROVISIONING"));
        Subscription gone = awaitState(id, SubscriptionState.DEPROVISIONED);
        assertNotNull(gone.deprovisionedAt);
        assertEquals("maria.admin-a", gone.deprovisionRequestedBy);
        JsonNode deprovisioned = event(id, AppDeprovisioned.TYPE);
        assertEquals(appId.toString(), deprovisioned.path("appId").asText());
        assertEquals(MUNI_A, deprovisioned.path("municipalityId").asText());
        RecordedRequest delete = requestsFor(broker, id, "DELETE").get(0);
        assertTrue(delete.query().contains("service_id=1d7c4c1e-aaaa-4bbb-8ccc-000000000001"), delete.query());
        assertTrue(delete.query().contains("accepts_incomplete=true"), delete.query());
        assertFalse(broker.instances().containsKey(id.toString()));
        assertEquals(1, outboxEvents(id, AppProvisioned.TYPE));
        assertEquals(1, outboxEvents(id, AppDeprovisioned.TYPE));
        given().delete(BASE + "/" + id).then().statusCode(409).body("type", endsWith("/subscription-not-deprovisionable"));
    }

    @Test
    @TestSecurity(user = "franz.admin", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MUNI_FAIL))
    void brokerFailuresFailTheSubscriptionAndDeleteTheOrphan() throws Exception {
        UUID appId = app();
        joinThroughKafka(MUNI_FAIL);
        UUID failedAsync = order("Fehler");
        UUID serverError = order("Kaputt");
        UUID neverFinishes = order("Endlos");
        UUID notInCatalog = order("Gold");

        for (UUID id : List.of(failedAsync, serverError, neverFinishes)) {
            Subscription failed = awaitState(id, SubscriptionState.FAILED);
            assertNotNull(failed.failureReason);
            assertNull(failed.dashboardUrl);
            await().atMost(WAIT).until(() -> subscription(id).orphanCleanup == OrphanCleanup.DONE);
            assertEquals(1, requestsFor(broker, id, "DELETE").size(), "orphan mitigation deletes " + id);
            assertFalse(broker.instances().containsKey(id.toString()), "the orphan is gone");
            JsonNode event = event(id, ProvisioningFailed.TYPE);
            assertEquals(failed.failureReason, event.path("reason").asText());
            assertEquals(appId.toString(), event.path("appId").asText());
            assertEquals(MUNI_FAIL, event.path("municipalityId").asText());
            assertEquals(1, outboxEvents(id, ProvisioningFailed.TYPE));
            assertEquals(0, outboxEvents(id, AppProvisioned.TYPE));
        }
        assertTrue(subscription(serverError).failureReason.contains("HTTP 500"), subscription(serverError).failureReason);
        assertTrue(subscription(neverFinishes).failureReason.contains("did not finish"), subscription(neverFinishes).failureReason);
        given().get(BASE + "/" + failedAsync).then().statusCode(200).body("state", equalTo("FAILED"))
                .body("orphanCleanup", equalTo("DONE")).body("failureReason", equalTo(subscription(failedAsync).failureReason));

        // Retry-After (1 s) is honoured: polls of the never-finishing provision are at least that far apart, although
        // the worker runs every 100 ms and the configured poll interval is 200 ms. Only the provision's polls: after the
        // deadline the orphan mitigation's DELETE is polled on the same path at its own pace.
        Instant orphanDelete = requestsFor(broker, neverFinishes, "DELETE").get(0).receivedAt();
        List<Instant> polls = broker.requests().stream()
                .filter(r -> r.method().equals("GET")
                        && r.path().equals("/v2/service_instances/" + neverFinishes + "/last_operation")
                        && r.receivedAt().isBefore(orphanDelete))
                .map(RecordedRequest::receivedAt).toList();
        assertTrue(polls.size() >= 3, "polls: " + polls.size());
        for (int i = 1; i < polls.size(); i++) {
            Duration gap = Duration.between(polls.get(i - 1), polls.get(i));
            // 1 ms below the Retry-After for the database's microsecond rounding of the next attempt's time
            assertTrue(gap.compareTo(Duration.ofMillis(999)) >= 0,
                    "poll " + i + " came " + gap.toMillis() + " ms after the previous one");
        }

        // A plan the broker's catalog does not offer: FAILED without any instance call (nothing to delete).
        Subscription unresolvable = awaitState(notInCatalog, SubscriptionState.FAILED);
        assertTrue(unresolvable.failureReason.contains("no plan named 'Gold'"), unresolvable.failureReason);
        assertNull(unresolvable.orphanCleanup);
        assertEquals(0, requestsFor(broker, notInCatalog, "PUT").size());
        assertEquals(1, outboxEvents(notInCatalog, ProvisioningFailed.TYPE));
    }

    @Test
    @TestSecurity(user = "rita.admin", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MUNI_RULE))
    void subscriptionsFollowSuspensionReinstatementAndLeaving() throws Exception {
        app();
        joinThroughKafka(MUNI_RULE);
        UUID id = order("Basis");
        awaitState(id, SubscriptionState.PROVISIONED);

        sendMembershipEvents(new MemberSuspended(UUID.fromString(MUNI_RULE), Instant.now(), "Beitrag offen"));
        awaitState(id, SubscriptionState.SUSPENDED);
        given().get(BASE + "/" + id).then().statusCode(200).body("state", equalTo("SUSPENDED"));
        long before = SubscriptionFixtures.subscriptionsOf(MUNI_RULE);
        given().contentType(ContentType.JSON)
                .body("{\"appSlug\": \"" + SLUG + "\", \"plan\": \"Basis\", \"cloudTarget\": \"stackit:eu01\"}")
                .when().post(BASE)
                .then().statusCode(403).contentType("application/problem+json").body("type", endsWith("/member-suspended"));
        assertEquals(before, SubscriptionFixtures.subscriptionsOf(MUNI_RULE));
        assertEquals(0, requestsFor(broker, id, "DELETE").size(), "a suspension does not touch the instance");

        sendMembershipEvents(new MemberReinstated(UUID.fromString(MUNI_RULE), Instant.now(), null));
        awaitState(id, SubscriptionState.PROVISIONED);

        MemberLeft left = new MemberLeft(UUID.fromString(MUNI_RULE), LocalDate.now(), "Austritt");
        sendMembershipEvents(left);
        Subscription gone = awaitState(id, SubscriptionState.DEPROVISIONED);
        assertEquals(MembershipRule.SYSTEM_ACTOR, gone.deprovisionRequestedBy);
        event(id, AppDeprovisioned.TYPE);
        assertEquals(1, requestsFor(broker, id, "DELETE").size());
        given().contentType(ContentType.JSON)
                .body("{\"appSlug\": \"" + SLUG + "\", \"plan\": \"Basis\", \"cloudTarget\": \"stackit:eu01\"}")
                .when().post(BASE)
                .then().statusCode(403).body("type", endsWith("/membership-required"));
    }

    @Test
    @TestSecurity(user = "lena.admin", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MUNI_LEAVING))
    void aSubscriptionStillProvisioningWhenTheMemberLeavesIsDeprovisionedOnceItRuns() throws Exception {
        publishedApp(SLOW_SLUG, slowBroker.baseUrl(), "Basis");
        joinThroughKafka(MUNI_LEAVING);
        UUID id = order(SLOW_SLUG, "Basis");
        // Hold the provisioning (a lease no live worker owns) until the member has left, so the order of events is certain.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> subscription(id).step == DriverStep.POLL_PROVISION);
        assertEquals(1, (int) QuarkusTransaction.requiringNew().call(() -> Subscription.update(
                "leaseOwner = 'paused/1', leaseUntil = ?1 where id = ?2 and step = ?3",
                Instant.now().plusSeconds(60), id, DriverStep.POLL_PROVISION)));
        sendMembershipEvents(new MemberLeft(UUID.fromString(MUNI_LEAVING), LocalDate.now(), "Austritt"));
        awaitMember(MUNI_LEAVING, MemberStatus.LEFT);
        assertEquals(SubscriptionState.PROVISIONING, subscription(id).state, "the running provision is not interrupted");
        QuarkusTransaction.requiringNew().run(() -> Subscription.update("leaseUntil = ?1 where id = ?2", Instant.now(), id));

        Subscription gone = awaitState(id, SubscriptionState.DEPROVISIONED);
        assertEquals(MembershipRule.SYSTEM_ACTOR, gone.deprovisionRequestedBy);
        assertEquals(1, outboxEvents(id, AppProvisioned.TYPE));
        assertEquals(1, outboxEvents(id, AppDeprovisioned.TYPE));
        assertEquals(1, requestsFor(slowBroker, id, "DELETE").size());
    }

    @Test
    @TestSecurity(user = "kai.admin", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MUNI_CRASH))
    void aCrashedWorkerMidProvisioningIsResumedAndCompletesExactlyOnce() throws Exception {
        publishedApp(SLOW_SLUG, slowBroker.baseUrl(), "Basis");
        joinThroughKafka(MUNI_CRASH);

        // 1. A worker claims the subscription, sends the PUT and "crashes" while polling: its lease stays behind.
        UUID crashed = order(SLOW_SLUG, "Basis");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> subscription(crashed).step == DriverStep.POLL_PROVISION);
        int taken = QuarkusTransaction.requiringNew().call(() -> Subscription.update(
                "leaseOwner = 'crashed-instance/1', leaseUntil = ?1 where id = ?2 and step = ?3",
                Instant.now().plusMillis(1500), crashed, DriverStep.POLL_PROVISION));
        assertEquals(1, taken);
        assertEquals("crashed-instance/1", subscription(crashed).leaseOwner);
        // While the dead instance's lease lasts nobody drives it; afterwards a live worker resumes from the stored step.
        Subscription resumed = awaitState(crashed, SubscriptionState.PROVISIONED);
        assertNull(resumed.leaseOwner);
        assertEquals(1, requestsFor(slowBroker, crashed, "PUT").size(), "resumed by polling, not by provisioning again");
        assertEquals(1, outboxEvents(crashed, AppProvisioned.TYPE));
        event(crashed, AppProvisioned.TYPE);

        // 2. Several workers at once (the scheduled one plus three more, as on several instances) drive each step once.
        UUID contested = order(SLOW_SLUG, "Basis");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> {
                    while (subscription(contested).state == SubscriptionState.PROVISIONING) {
                        worker.driveDue();
                        Thread.sleep(5);
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(SubscriptionState.PROVISIONED, subscription(contested).state);
        assertEquals(1, requestsFor(slowBroker, contested, "PUT").size());
        assertEquals(1, outboxEvents(contested, AppProvisioned.TYPE));
    }
}
