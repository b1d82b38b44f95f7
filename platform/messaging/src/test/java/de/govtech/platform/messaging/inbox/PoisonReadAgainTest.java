package de.govtech.platform.messaging.inbox;

import de.govtech.platform.events.EventJson;
import de.govtech.platform.events.EventPayload;
import de.govtech.platform.events.EventType;
import de.govtech.platform.events.membership.MemberJoined;
import de.govtech.platform.events.membership.MunicipalityType;
import de.govtech.platform.messaging.KafkaCloudEvents;
import de.govtech.platform.messaging.RealInfrastructure;
import de.govtech.platform.messaging.outbox.OutboxRecord;
import de.govtech.platform.testkit.KafkaTopicReader;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.govtech.platform.messaging.inbox.ConsumeOutcome.ALREADY_DEAD_LETTERED;
import static de.govtech.platform.messaging.inbox.ConsumeOutcome.APPLIED;
import static de.govtech.platform.messaging.inbox.ConsumeOutcome.DEAD_LETTERED;
import static de.govtech.platform.messaging.inbox.ConsumeOutcome.DUPLICATE;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A partition read again from its start (a consumer group reset to the earliest offset, or a new group on the same
 * database) does not set its poison records aside a second time: the dead-letter topic holds each once and the
 * dead-letter metric counts each once. The dead-letter replay still applies such an event once it can be applied.
 * A fresh database (its inbox empty) finds the earlier copies on the dead-letter topic.
 */
@QuarkusTest
@RealInfrastructure
class PoisonReadAgainTest {

    private static final String CONSUMER = "test.poison-read-again";
    private static final String DEAD_LETTER_TOPIC = "marketplace.dead-letter";

    /** The bug that makes "REFUSED…" names poison, until it is fixed. */
    private static volatile boolean fixed;

    @Inject
    IdempotentConsumer consumer;

    @Inject
    MeterRegistry meters;

    @Inject
    InboxRepository inbox;

    @Inject
    InboxConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    Instance<OpenTelemetry> telemetry;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @AfterEach
    void breakAgain() {
        fixed = false;
    }

    @Test
    @TestSecurity(user = "ops", roles = "platform-admin")
    void aPartitionReadAgainSetsItsPoisonAsideOnceAndTheReplayStillAppliesItOnceFixed() throws Exception {
        String topic = "poison-read-again-" + UUID.randomUUID();
        createTopic(topic);
        String key = UUID.randomUUID().toString();
        UUID refusedMember = UUID.randomUUID();
        UUID healthyMember = UUID.randomUUID();
        ProducerRecord<String, byte[]> notACloudEvent =
                new ProducerRecord<>(topic, key, "{\"hello\":\"no headers\"}".getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> refused = event(topic, key, memberJoined(refusedMember, "REFUSED until fixed"));
        send(notACloudEvent, refused, event(topic, key, memberJoined(healthyMember, "Gemeinde Gesund")));

        List<ConsumeOutcome> firstRead = consumeFromStart(topic);
        List<ConsumeOutcome> afterGroupReset = consumeFromStart(topic);
        List<ConsumeOutcome> newGroup = consumeFromStart(topic);

        assertEquals(List.of(DEAD_LETTERED, DEAD_LETTERED, APPLIED), firstRead);
        assertEquals(List.of(ALREADY_DEAD_LETTERED, ALREADY_DEAD_LETTERED, DUPLICATE), afterGroupReset);
        assertEquals(afterGroupReset, newGroup);
        assertEquals(2.0, deadLetterCount(), "each poison record counted once");
        assertEquals(List.of("{\"hello\":\"no headers\"}", ceId(refused), "marker"), deadLettersOf(key, topic),
                "each poison record set aside once");
        assertEquals(1, appliedCount(healthyMember));
        assertEquals(0, appliedCount(refusedMember));

        fixed = true;
        given().post("/admin/dead-letters/replay").then().statusCode(200);
        assertEquals(1, appliedCount(refusedMember), "the replay applies the set-aside event once it is fixed");
        given().post("/admin/dead-letters/replay").then().statusCode(200);
        assertEquals(1, appliedCount(refusedMember), "a second replay does not apply it again");

        assertEquals(List.of(ALREADY_DEAD_LETTERED, DUPLICATE, DUPLICATE, ALREADY_DEAD_LETTERED), consumeFromStart(topic),
                "read again after the replay: the replayed event counts as applied, nothing is set aside");
        assertEquals(1, appliedCount(refusedMember));
        assertEquals(3.0, deadLetterCount(), "the two poison records and the marker");
    }

    @Test
    void aFreshDatabaseFindsItsEarlierDeadLettersOnTheTopicAndDoesNotSetThemAsideAgain() throws Exception {
        String topic = "poison-read-again-" + UUID.randomUUID();
        createTopic(topic);
        String key = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> refused = event(topic, key, memberJoined(UUID.randomUUID(), "REFUSED until fixed"));
        send(new ProducerRecord<>(topic, key, "not json at all".getBytes(StandardCharsets.UTF_8)), refused);
        assertEquals(List.of(DEAD_LETTERED, DEAD_LETTERED), consumeFromStart(topic, consumer));

        forgetEverythingOf(CONSUMER);
        IdempotentConsumer restartedOnFreshDatabase = new IdempotentConsumer(inbox, config,
                new DeadLetterPublisher(kafkaConfig, config, "messaging-test"), meters, telemetry);

        assertEquals(List.of(ALREADY_DEAD_LETTERED, ALREADY_DEAD_LETTERED), consumeFromStart(topic, restartedOnFreshDatabase));
        assertEquals(List.of("not json at all", ceId(refused), "marker"), deadLettersOf(key, topic),
                "each poison record set aside once");
        assertEquals(List.of(ALREADY_DEAD_LETTERED, ALREADY_DEAD_LETTERED, ALREADY_DEAD_LETTERED),
                consumeFromStart(topic, restartedOnFreshDatabase), "now the new database remembers them itself");
    }

    /**
     * The dead letters of {@code key} from {@code topic}, up to a poison marker sent and consumed last: records of one
     * key keep their order on the dead-letter topic, so a second copy of anything would show before the marker.
     */
    private List<String> deadLettersOf(String key, String topic) throws Exception {
        ProducerRecord<String, byte[]> marker = event(topic, key, memberJoined(UUID.randomUUID(), "POISON marker"));
        send(marker);
        List<ConsumeOutcome> outcomes = consumeFromStart(topic);
        assertEquals(DEAD_LETTERED, outcomes.get(outcomes.size() - 1), "the marker is set aside");
        return new KafkaTopicReader(bootstrapServers).readUntil(DEAD_LETTER_TOPIC,
                        records -> records.stream().anyMatch(r -> ceId(marker).equals(KafkaTopicReader.header(r, "ce_id"))),
                        Duration.ofSeconds(30)).stream()
                .filter(r -> key.equals(r.key()) && topic.equals(KafkaTopicReader.header(r, "dead-letter-topic")))
                .map(r -> ceId(marker).equals(KafkaTopicReader.header(r, "ce_id")) ? "marker"
                        : r.headers().lastHeader("ce_id") == null ? r.value() : KafkaTopicReader.header(r, "ce_id"))
                .toList();
    }

    /** Reads the topic's partition from its first to its current last record, as a consumer does after a reset. */
    private List<ConsumeOutcome> consumeFromStart(String topic) {
        return consumeFromStart(topic, consumer);
    }

    private List<ConsumeOutcome> consumeFromStart(String topic, IdempotentConsumer consumer) {
        TopicPartition partition = new TopicPartition(topic, 0);
        List<ConsumeOutcome> outcomes = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            reader.assign(List.of(partition));
            reader.seekToBeginning(List.of(partition));
            long end = reader.endOffsets(List.of(partition)).get(partition);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (reader.position(partition) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    outcomes.add(consumer.consume(CONSUMER, record, this::apply));
                }
            }
        }
        return outcomes;
    }

    private void apply(ReceivedEvent event) throws SQLException {
        if (event.payload() instanceof MemberJoined joined) {
            if (joined.name().startsWith("POISON") || (!fixed && joined.name().startsWith("REFUSED"))) {
                throw new PoisonMessageException("this projection refuses " + joined.name());
            }
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement("""
                         insert into test_member (municipality_id, name, applied_count) values (?, ?, 1)
                         on conflict (municipality_id) do update set applied_count = test_member.applied_count + 1""")) {
                statement.setObject(1, joined.municipalityId());
                statement.setString(2, joined.name());
                statement.executeUpdate();
            }
        }
    }

    private static MemberJoined memberJoined(UUID municipality, String name) {
        return new MemberJoined(municipality, "08121000", null, name, MunicipalityType.STADT, "08", null, false,
                LocalDate.of(2026, 1, 1));
    }

    private static ProducerRecord<String, byte[]> event(String topic, String key, EventPayload payload) throws Exception {
        EventType type = payload.eventType();
        ProducerRecord<String, byte[]> record = KafkaCloudEvents.toProducerRecord(new OutboxRecord(0, UUID.randomUUID(),
                type.typeName(), type.source(), type.topic(), key, OffsetDateTime.now(ZoneOffset.UTC),
                EventJson.mapper().writeValueAsString(payload)));
        return new ProducerRecord<>(topic, null, key, record.value(), record.headers());
    }

    private static String ceId(ProducerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
    }

    private void createTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    @SafeVarargs
    private void send(ProducerRecord<String, byte[]>... records) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record).get();
            }
        }
    }

    private void forgetEverythingOf(String consumerName) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("delete from inbox_event where consumer = ?")) {
            statement.setString(1, consumerName);
            statement.executeUpdate();
        }
    }

    private double deadLetterCount() {
        Counter counter = meters.find("govtech.inbox.dead.letters").tag("consumer", CONSUMER).counter();
        return counter == null ? 0 : counter.count();
    }

    private int appliedCount(UUID municipality) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select coalesce(sum(applied_count), 0) from test_member where municipality_id = ?")) {
            statement.setObject(1, municipality);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
