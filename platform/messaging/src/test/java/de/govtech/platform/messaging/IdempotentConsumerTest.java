package de.govtech.platform.messaging;

import de.govtech.platform.events.EventJson;
import de.govtech.platform.events.EventPayload;
import de.govtech.platform.events.EventType;
import de.govtech.platform.messaging.outbox.OutboxRecord;
import de.govtech.platform.testkit.KafkaTopicReader;
import de.govtech.platform.testkit.PostgresTestResource;
import de.govtech.platform.testkit.TcpFaultProxy;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
@RealInfrastructure
class IdempotentConsumerTest {

    private static final String TOPIC = "membership.events";
    private static final String DEAD_LETTER_TOPIC = "marketplace.dead-letter";

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() throws Exception {
        UUID municipality = UUID.randomUUID();
        OutboxRecord joined = record(municipality.toString(), TestEvents.memberJoined(municipality, "Gemeinde Doppelt"));
        OutboxRecord marker = record(municipality.toString(), TestEvents.memberSuspended(municipality, "marker"));

        send(toKafka(joined), toKafka(joined), toKafka(marker));

        await().atMost(Duration.ofSeconds(30)).until(() -> processed(marker.eventId().toString()));
        assertEquals(1, appliedCount(municipality), "the effect was applied once");
        assertEquals(1, inboxRows(joined.eventId().toString()));
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndTheNextMessageIsApplied() throws Exception {
        String key = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> notACloudEvent =
                new ProducerRecord<>(TOPIC, key, "{\"hello\":\"no headers\"}".getBytes(StandardCharsets.UTF_8));
        OutboxRecord refused = record(key, TestEvents.memberJoined(UUID.randomUUID(), "POISON Gemeinde"));
        UUID healthy = UUID.randomUUID();
        OutboxRecord next = record(key, TestEvents.memberJoined(healthy, "Gemeinde Gesund"));

        send(notACloudEvent, toKafka(refused), toKafka(next));

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedCount(healthy) == 1);
        List<ConsumerRecord<String, String>> deadLetters = new KafkaTopicReader(bootstrapServers).readUntil(DEAD_LETTER_TOPIC,
                records -> records.stream().filter(r -> key.equals(r.key())).count() >= 2, Duration.ofSeconds(30))
                .stream().filter(r -> key.equals(r.key())).toList();
        assertEquals(2, deadLetters.size(), "both poison messages were set aside");
        assertEquals("{\"hello\":\"no headers\"}", deadLetters.get(0).value());
        assertEquals(refused.eventId().toString(), KafkaTopicReader.header(deadLetters.get(1), "ce_id"));
        assertNotNull(deadLetters.get(1).headers().lastHeader("dead-letter-reason"), "the reason travels along");
    }

    @Test
    void aHandlerFailureThatIsNotPoisonIsRetriedInPlaceUntilItSucceeds() throws Exception {
        String key = UUID.randomUUID().toString();
        UUID flaky = UUID.randomUUID();
        OutboxRecord joined = record(key, TestEvents.memberJoined(flaky, "FLAKY Gemeinde " + key));
        UUID after = UUID.randomUUID();
        OutboxRecord next = record(key, TestEvents.memberJoined(after, "Gemeinde danach"));

        send(toKafka(joined), toKafka(next));

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedCount(after) == 1);
        assertEquals(1, appliedCount(flaky), "applied once, after " + TestMemberProjection.FLAKY_FAILURES + " failures, before the next");
        assertNothingDeadLetteredBefore(key);
    }

    @Test
    void aDatabaseOutageDuringConsumptionDelaysTheEventButNeverSetsItAside() throws Exception {
        String key = UUID.randomUUID().toString();
        UUID municipality = UUID.randomUUID();
        TcpFaultProxy database = PostgresTestResource.proxy();
        database.cut();
        try {
            send(toKafka(record(key, TestEvents.memberJoined(municipality, "Gemeinde während des Ausfalls"))));
            // far longer than the first attempts' back-off: a consumer that gave up would have set the event aside
            Thread.sleep(10_000);
        } finally {
            database.restore();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedCount(municipality) == 1);
        assertNothingDeadLetteredBefore(key);
    }

    /**
     * Sends a poison record with the key and waits for it on the dead-letter topic: records of one key stay in order
     * there, so anything set aside before it would arrive first.
     */
    private void assertNothingDeadLetteredBefore(String key) throws Exception {
        OutboxRecord marker = record(key, TestEvents.memberJoined(UUID.randomUUID(), "POISON Marker"));
        send(toKafka(marker));
        List<ConsumerRecord<String, String>> deadLetters = new KafkaTopicReader(bootstrapServers).readUntil(DEAD_LETTER_TOPIC,
                records -> records.stream().anyMatch(r -> marker.eventId().toString().equals(KafkaTopicReader.header(r, "ce_id"))),
                Duration.ofSeconds(30)).stream().filter(r -> key.equals(r.key())).toList();
        assertEquals(List.of(marker.eventId().toString()), deadLetters.stream().map(r -> KafkaTopicReader.header(r, "ce_id")).toList(),
                "only the poison marker was set aside");
        assertEquals(TestMemberProjection.CONSUMER, KafkaTopicReader.header(deadLetters.get(0), "dead-letter-consumer"));
    }

    private static OutboxRecord record(String key, EventPayload payload) throws Exception {
        EventType type = payload.eventType();
        return new OutboxRecord(0, UUID.randomUUID(), type.typeName(), type.source(), type.topic(), key,
                OffsetDateTime.now(ZoneOffset.UTC), EventJson.mapper().writeValueAsString(payload));
    }

    private static ProducerRecord<String, byte[]> toKafka(OutboxRecord record) {
        return KafkaCloudEvents.toProducerRecord(record);
    }

    @SafeVarargs
    private void send(ProducerRecord<String, byte[]>... records) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            for (ProducerRecord<String, byte[]> record : Arrays.asList(records)) {
                producer.send(record).get();
            }
        }
    }

    private boolean processed(String eventId) throws SQLException {
        return inboxRows(eventId) == 1;
    }

    private int inboxRows(String eventId) throws SQLException {
        return queryInt("select count(*) from inbox_event where consumer = ? and event_id = ?",
                TestMemberProjection.CONSUMER, eventId);
    }

    private int appliedCount(UUID municipality) throws SQLException {
        return queryInt("select coalesce(sum(applied_count), 0) from test_member where municipality_id = ?::uuid",
                municipality.toString());
    }

    private int queryInt(String sql, String... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
