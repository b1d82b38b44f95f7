package de.govtech.marketplace.subscriptions;

import de.govtech.marketplace.members.MemberMunicipality;
import de.govtech.marketplace.members.MemberStatus;
import de.govtech.platform.messaging.KafkaCloudEvents;
import de.govtech.platform.messaging.outbox.OutboxRecord;
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
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.BASE;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.WAIT;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.awaitMember;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.joined;
import static de.govtech.marketplace.subscriptions.SubscriptionFixtures.publishedApp;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fresh marketplace database rebuilds its member projection from {@code membership.events} (kept for good): the
 * consumer group's offsets in Kafka are long past a member's {@code member-joined}, yet a database that has never
 * applied events of that partition reads it from its beginning when the partition is assigned (platform-messaging's
 * {@code govtech.rebuild-fresh-projection} listener), so the member can order again.
 * <p>
 * One application shares this database with the other test classes, so "fresh" is made for this member only: its
 * projection row, its inbox row and the partition's first-applied mark are deleted, as a new database lacks them.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class MemberProjectionRebuildTest {

    static final String TOPIC = "membership.events";
    static final String SLUG = "abo-neuaufbau";
    static final String MUNI = "5a1b0000-0000-4000-8000-0000000000b4";
    static final String ORDER = "{\"appSlug\": \"" + SLUG + "\", \"plan\": \"Basis\", \"cloudTarget\": \"stackit:eu01\"}";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "govtech.subscriptions.membership-events.group-id")
    String group;

    @AfterAll
    static void settle() {
        // the order went to a broker that is never reached: no work left for later classes
        QuarkusTransaction.requiringNew().run(() -> Subscription.update(
                "step = null, nextAttemptAt = null, leaseOwner = null, leaseUntil = null where appSlug = ?1", SLUG));
    }

    private static Response order() {
        return given().contentType(ContentType.JSON).body(ORDER).when().post(BASE);
    }

    @Test
    @TestSecurity(user = "rosa.admin", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MUNI))
    void aFreshDatabaseRebuildsItsMemberProjectionFromMembershipEvents() throws Exception {
        publishedApp(SLUG, URI.create("http://localhost:1"), "Basis");
        OutboxRecord joined = OutboxRecord.of(joined(MUNI));
        RecordMetadata sent = send(joined);
        TopicPartition partition = new TopicPartition(TOPIC, sent.partition());
        awaitMember(MUNI, MemberStatus.ACTIVE);
        // admitted long ago: the group's committed offset is past the event
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> committed(partition) > sent.offset());

        forgetMember(joined.eventId(), partition);
        order().then().statusCode(403).contentType("application/problem+json")
                .body("type", endsWith("/membership-required"));

        reassignPartitions();

        awaitMember(MUNI, MemberStatus.ACTIVE);
        order().then().statusCode(201);
        assertEquals(1L, SubscriptionFixtures.subscriptionsOf(MUNI));
    }

    private RecordMetadata send(OutboxRecord record) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(KafkaCloudEvents.toProducerRecord(record)).get();
        }
    }

    private long committed(TopicPartition partition) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(partition);
            return offset == null ? -1 : offset.offset();
        }
    }

    /** What a new database lacks: the member's projection row, the inbox row of its event, the partition's mark. */
    private static void forgetMember(UUID eventId, TopicPartition partition) {
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Subscription.getEntityManager();
            em.createNativeQuery("delete from member_municipality where municipality_id = :id")
                    .setParameter("id", UUID.fromString(MUNI)).executeUpdate();
            em.createNativeQuery("delete from inbox_event where event_id = :event")
                    .setParameter("event", eventId.toString()).executeUpdate();
            em.createNativeQuery("delete from inbox_partition where topic = :topic and kafka_partition = :partition")
                    .setParameter("topic", partition.topic()).setParameter("partition", partition.partition())
                    .executeUpdate();
        });
        assertNull(QuarkusTransaction.requiringNew().call(() -> MemberMunicipality.findById(UUID.fromString(MUNI))));
    }

    /**
     * The service's consumer gets its partitions assigned anew, as after a restart: a second member joins the group
     * (taking some partitions) and leaves again. It never commits.
     */
    private void reassignPartitions() {
        try (KafkaConsumer<String, byte[]> visitor = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            AtomicBoolean joinedGroup = new AtomicBoolean();
            visitor.subscribe(List.of(TOPIC), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    joinedGroup.set(true);
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }
            });
            long until = System.nanoTime() + WAIT.toNanos();
            while (!joinedGroup.get() && System.nanoTime() < until) {
                visitor.poll(Duration.ofMillis(200));
            }
            assertTrue(joinedGroup.get(), "the visiting consumer joined the group");
        }
    }
}
