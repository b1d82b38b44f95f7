package de.govtech.marketplace.subscriptions;

import de.govtech.deploy.samplebroker.RecordedRequest;
import de.govtech.deploy.samplebroker.SampleBroker;
import io.restassured.http.ContentType;
import de.govtech.marketplace.listings.ListingContent;
import de.govtech.marketplace.listings.PriceModel;
import de.govtech.marketplace.members.MemberMunicipality;
import de.govtech.marketplace.members.MemberStatus;
import de.govtech.marketplace.testdata.CatalogueSeeds;
import de.govtech.platform.events.EventPayload;
import de.govtech.platform.events.membership.MemberJoined;
import de.govtech.platform.events.membership.MunicipalityType;
import de.govtech.platform.messaging.KafkaCloudEvents;
import de.govtech.platform.messaging.outbox.OutboxRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Published apps, members (through membership.events) and subscription rows for the subscription tests. */
final class SubscriptionFixtures {

    static final String BASE = "/api/v1/marketplace/subscriptions";
    static final String VENDOR = "7b2d0b63-1d2f-4b4a-8e62-0000000000ab";
    static final String BROKER_USER = "abo-broker";
    static final String BROKER_PASSWORD = "abo-broker-secret-5d1e";
    static final Duration WAIT = Duration.ofSeconds(30);

    private SubscriptionFixtures() {
    }

    /** Publishes an app (listing with one published revision) whose broker is at {@code brokerUrl}; idempotent per slug. */
    static UUID publishedApp(String slug, URI brokerUrl, String... planNames) {
        return CatalogueSeeds.vendor(VENDOR, "Abo Anbieter").app(slug, "Abo-Test " + slug)
                .summary("Zum Testen von Abos").description("Eine App, um Abonnements zu testen.").tags("Test")
                .plans(Arrays.stream(planNames).map(name -> new ListingContent.Plan(name, "Tarif " + name,
                        PriceModel.MONTHLY_FLAT, new BigDecimal("49.90"))).toArray(ListingContent.Plan[]::new))
                .bsiC5(true).bitvAccessible(true).cloudTargets("stackit:eu01", "ionos:de-fra")
                .broker(brokerUrl, BROKER_USER, BROKER_PASSWORD)
                .seed();
    }

    /** Orders {@code plan} of the app {@code slug} for stackit:eu01 as the test's caller; the new subscription's id. */
    static UUID order(String slug, String plan) {
        String location = given().contentType(ContentType.JSON)
                .body("{\"appSlug\": \"%s\", \"plan\": \"%s\", \"cloudTarget\": \"stackit:eu01\"}".formatted(slug, plan))
                .when().post(BASE)
                .then().statusCode(201).extract().header("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    /** The requests with {@code method} the broker received for the instance (= subscription) {@code instance}. */
    static List<RecordedRequest> requests(SampleBroker broker, UUID instance, String method) {
        return broker.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals("/v2/service_instances/" + instance))
                .toList();
    }

    static MemberJoined joined(String municipalityId) {
        return new MemberJoined(UUID.fromString(municipalityId), "08125001", null, "Gemeinde " + municipalityId.substring(0, 8),
                MunicipalityType.GEMEINDE, "08", 12_000, false, LocalDate.of(2026, 1, 1));
    }

    /** Produces membership events as membership-service would (CloudEvents on membership.events). */
    static void sendMembershipEvents(EventPayload... events) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (EventPayload event : events) {
                producer.send(KafkaCloudEvents.toProducerRecord(OutboxRecord.of(event)));
            }
            producer.flush();
        }
    }

    /** member-joined through Kafka, waiting until the projection has it. */
    static void joinThroughKafka(String municipalityId) {
        sendMembershipEvents(joined(municipalityId));
        awaitMember(municipalityId, MemberStatus.ACTIVE);
    }

    static void awaitMember(String municipalityId, MemberStatus status) {
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            MemberMunicipality m = MemberMunicipality.findById(UUID.fromString(municipalityId));
            return m != null && m.status == status;
        }));
    }

    static Subscription subscription(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Subscription.<Subscription>findById(id));
    }

    static Subscription awaitState(UUID id, SubscriptionState state) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> subscription(id).state == state);
        return subscription(id);
    }

    static long subscriptionsOf(String municipalityId) {
        return QuarkusTransaction.requiringNew().call(() -> Subscription.count("municipalityId", UUID.fromString(municipalityId)));
    }

    /** Events of a type about one subscription in the outbox (rows are kept after publishing: an exact count). */
    static long outboxEvents(UUID subscriptionId, String type) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Subscription.getEntityManager()
                .createNativeQuery("select count(*) from outbox_event where aggregate_id = :id and event_type = :type")
                .setParameter("id", subscriptionId.toString()).setParameter("type", type)
                .getSingleResult()).longValue());
    }

    /** A subscription row in a given state, written directly (no broker involved; the worker leaves it alone). */
    static UUID seededSubscription(String municipalityId, UUID appId, String slug, SubscriptionState state) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            Subscription s = new Subscription();
            s.id = UUID.randomUUID();
            s.municipalityId = UUID.fromString(municipalityId);
            s.listingId = appId;
            s.appSlug = slug;
            s.revision = 1;
            s.planName = "Basis";
            s.planId = OrderRules.planId(appId, "Basis");
            s.cloudTarget = "stackit:eu01";
            s.state = state;
            s.actingUser = "seed";
            s.orderedBy = "seed";
            s.orderedAt = now;
            s.updatedAt = now;
            s.persist();
            return s.id;
        });
    }
}
