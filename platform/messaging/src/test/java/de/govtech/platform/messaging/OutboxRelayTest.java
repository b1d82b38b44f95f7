package de.govtech.platform.messaging;
import de.govtech.platform.events.CloudEventHeaders;
import de.govtech.platform.events.EventSchemas;
import de.govtech.platform.events.membership.MemberJoined;
import de.govtech.platform.events.membership.MemberSuspended;
import de.govtech.platform.messaging.inbox.InboxConfig;
import de.govtech.platform.messaging.outbox.KafkaOutboxPublisher;
import de.govtech.platform.messaging.outbox.Outbox;
import de.govtech.platform.messaging.outbox.OutboxConfig;
import de.govtech.platform.messaging.outbox.OutboxRecord;
import de.govtech.platform.messaging.outbox.OutboxRelay;
import de.govtech.platform.messaging.outbox.OutboxRepository;
import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.KafkaTopicReader;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static de.govtech.platform.testkit.KafkaTopicReader.header;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@RealInfrastructure
class OutboxRelayTest {

    private static final String TOPIC = "membership.events";

    @Inject
    Outbox outbox;

    @Inject
    OutboxRepository repository;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    OutboxConfig outboxConfig;

    @Inject
    InboxConfig inboxConfig;

    @Inject
    MeterRegistry meters;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void committedEventReachesKafkaAsBinaryCloudEventThatMatchesItsSchema() {
        UUID municipality = UUID.randomUUID();
        UUID eventId = QuarkusTransaction.requiringNew().call(
                () -> outbox.append(TestEvents.memberJoined(municipality, "Stadt Relayhausen")));

        ConsumerRecord<String, String> record = single(readIds(Set.of(eventId.toString()), Duration.ofSeconds(20)));

        assertEquals(municipality.toString(), record.key());
        assertEquals("1.0", header(record, CloudEventHeaders.SPEC_VERSION));
        assertEquals(MemberJoined.TYPE, header(record, CloudEventHeaders.TYPE));
        assertEquals("/membership-service", header(record, CloudEventHeaders.SOURCE));
        assertEquals(municipality.toString(), header(record, CloudEventHeaders.SUBJECT));
        assertEquals("application/json", header(record, CloudEventHeaders.CONTENT_TYPE));
        assertTrue(header(record, CloudEventHeaders.TIME).endsWith("Z"), "time is UTC");
        assertEquals(List.of(), EventSchemas.validate(MemberJoined.TYPE, record.value().getBytes(StandardCharsets.UTF_8)),
                "the produced event validates against its JSON Schema");
    }

    @Test
    void eventOfARolledBackTransactionIsNeverPublished() {
        UUID municipality = UUID.randomUUID();
        AtomicReference<UUID> rolledBack = new AtomicReference<>();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            rolledBack.set(outbox.append(TestEvents.memberJoined(municipality, "Gemeinde Phantom")));
            throw new IllegalStateException("the state change failed after the event was appended");
        }));
        UUID committed = QuarkusTransaction.requiringNew().call(
                () -> outbox.append(TestEvents.memberSuspended(municipality, "after the rollback")));

        List<ConsumerRecord<String, String>> records = readIds(Set.of(committed.toString()), Duration.ofSeconds(20));

        assertFalse(ids(records).contains(rolledBack.get().toString()), "no phantom event");
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        assertThrows(IllegalStateException.class,
                () -> outbox.append(TestEvents.memberJoined(UUID.randomUUID(), "Gemeinde Ohnetransaktion")));
    }

    @Test
    void eventsWrittenDuringAKafkaOutageLongerThanTheSendTimeoutAllArriveInOrder() throws Exception {
        List<UUID> municipalities = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Map<String, List<String>> writtenPerAggregate = new HashMap<>();
        Set<String> written = new HashSet<>();

        KafkaTestResource.broker().stop();
        try {
            for (int i = 0; i < 100; i++) {
                UUID municipality = municipalities.get(i % municipalities.size());
                String reason = "outage-" + i;
                UUID id = QuarkusTransaction.requiringNew().call(
                        () -> outbox.append(TestEvents.memberSuspended(municipality, reason)));
                written.add(id.toString());
                writtenPerAggregate.computeIfAbsent(municipality.toString(), k -> new ArrayList<>()).add(id.toString());
            }
            // longer than the send timeout plus the longest back-off: the relay fails several whole attempts
            Thread.sleep(outboxConfig.sendTimeout().plus(outboxConfig.maxBackoff()).multipliedBy(2).toMillis());
            assertTrue(repository.countUnpublished() >= 100, "nothing is marked published while Kafka is down");
        } finally {
            KafkaTestResource.broker().restart();
        }

        List<ConsumerRecord<String, String>> records = readIds(written, Duration.ofSeconds(90));

        // At least once: a send that timed out while the broker restarted may have been written and is sent again;
        // the inbox drops such duplicates. What must hold: nothing lost, and per aggregate the first arrival of each
        // event is in the order written (the relay never hands an event to Kafka before its predecessor is acknowledged).
        List<String> ids = ids(records);
        assertEquals(written, new HashSet<>(ids), "every event arrives");
        assertTrue(ids.size() < 2 * written.size(), "a few duplicates at most, not a flood: " + ids.size());
        Map<String, List<String>> firstArrivalsPerAggregate = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            String id = header(record, CloudEventHeaders.ID);
            if (seen.add(id)) {
                firstArrivalsPerAggregate.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(id);
            }
        }
        assertEquals(writtenPerAggregate, firstArrivalsPerAggregate, "per aggregate, events arrive in the order written");
    }

    @Test
    void severalRelaysAtOnceStillPublishEveryEventOnceAndInOrder() throws Exception {
        UUID municipality = UUID.randomUUID();
        List<String> written = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService competingRelays = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> relays = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                relays.add(competingRelays.submit(() -> {
                    while (writing.get()) {
                        relay.relayOnce();
                    }
                    return null;
                }));
            }
            for (int i = 0; i < 60; i++) {
                String reason = "concurrent-" + i;
                written.add(QuarkusTransaction.requiringNew().call(
                        () -> outbox.append(TestEvents.memberSuspended(municipality, reason))).toString());
            }
            writing.set(false);
            for (Future<?> future : relays) {
                future.get();
            }
        } finally {
            writing.set(false);
            competingRelays.shutdownNow();
        }

        List<ConsumerRecord<String, String>> records = readIds(new HashSet<>(written), Duration.ofSeconds(30));

        assertOnceInOrderUnlessASendFailed(written, records);
    }

    @Test
    void anEventKafkaCannotTakeIsParkedWithItsErrorAndTheRestFlow() {
        UUID municipality = UUID.randomUUID();
        String tooLarge = "{\"municipalityId\":\"" + municipality + "\",\"suspendedAt\":\"2026-03-01T00:00:00Z\",\"reason\":\""
                + "x".repeat(2 * 1024 * 1024) + "\"}";
        OutboxRecord oversized = new OutboxRecord(0, UUID.randomUUID(), MemberSuspended.TYPE, "/membership-service", TOPIC,
                municipality.toString(), OffsetDateTime.now(ZoneOffset.UTC), tooLarge);
        QuarkusTransaction.requiringNew().run(() -> repository.insert(oversized));
        UUID sameAggregateLater = QuarkusTransaction.requiringNew().call(
                () -> outbox.append(TestEvents.memberSuspended(municipality, "after the oversized one")));
        UUID otherAggregate = QuarkusTransaction.requiringNew().call(
                () -> outbox.append(TestEvents.memberJoined(UUID.randomUUID(), "Gemeinde Nebenan")));

        List<ConsumerRecord<String, String>> records = readIds(Set.of(sameAggregateLater.toString(), otherAggregate.toString()),
                Duration.ofSeconds(30));

        assertEquals(2, records.size(), "the rest flows, once each");
        assertFalse(ids(records).contains(oversized.eventId().toString()));
        Map<String, Object> parked = QuarkusTransaction.requiringNew().call(() -> row(oversized.eventId()));
        assertNotNull(parked.get("parked_at"), "the oversized event is parked");
        assertTrue(String.valueOf(parked.get("last_error")).startsWith("RecordTooLargeException"), parked::toString);
        assertEquals(null, parked.get("published_at"));
        // (the readiness of the whole test app may be DOWN while other tests stop Kafka: look at the outbox check only)
        given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.data.parked", greaterThanOrEqualTo(1));
    }

    @Test
    void anEventForATopicThatDoesNotExistIsParkedOnlyAfterFailingWhileKafkaTookOthers() throws Exception {
        UUID municipality = UUID.randomUUID();
        OutboxRecord lost = new OutboxRecord(0, UUID.randomUUID(), MemberSuspended.TYPE, "/membership-service",
                "membership.no-such-topic", municipality.toString(), OffsetDateTime.now(ZoneOffset.UTC),
                "{\"municipalityId\":\"" + municipality + "\",\"suspendedAt\":\"2026-03-01T00:00:00Z\",\"reason\":\"x\"}");
        QuarkusTransaction.requiringNew().run(() -> repository.insert(lost));
        relay.wake(); // as Outbox.append does after its commit (the test's poll interval is far longer than the test)

        // alone in its attempts it cannot be told from an outage: however often it fails, it is not parked
        Map<String, Object> row = awaitRow(lost.eventId(), r -> ((Number) r.get("attempts")).intValue()
                >= outboxConfig.parkAfterAttempts() + 1);
        assertEquals(null, row.get("parked_at"), row::toString);
        UUID first = QuarkusTransaction.requiringNew().call(
                () -> outbox.append(TestEvents.memberJoined(UUID.randomUUID(), "Gemeinde Vorneweg")));
        readIds(Set.of(first.toString()), Duration.ofSeconds(30));
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> row(lost.eventId())).get("parked_at"),
                "failures during an outage do not count towards parking");

        Set<String> flowing = new HashSet<>();
        for (int i = 0; i < 60 && row.get("parked_at") == null; i++) {
            UUID other = QuarkusTransaction.requiringNew().call(
                    () -> outbox.append(TestEvents.memberJoined(UUID.randomUUID(), "Gemeinde Nebenan")));
            flowing.add(other.toString());
            Thread.sleep(500);
            row = QuarkusTransaction.requiringNew().call(() -> row(lost.eventId()));
        }

        assertNotNull(row.get("parked_at"), "parked after failing again and again while others flowed: " + row);
        int attemptsWhenParked = ((Number) row.get("attempts")).intValue();
        Thread.sleep(2_000);
        assertEquals(attemptsWhenParked, ((Number) QuarkusTransaction.requiringNew().call(() -> row(lost.eventId()))
                .get("attempts")).intValue(), "no further attempt once parked");
        assertEquals(flowing.size(), readIds(flowing, Duration.ofSeconds(30)).size(), "the rest flowed, once each");
    }

    @Test
    void twoRelaysWithTheirOwnProducersPublishEveryEventOnceAndInOrder() throws Exception {
        OutboxRelay secondInstance = new OutboxRelay(repository,
                new KafkaOutboxPublisher(kafkaConfig, outboxConfig, "second-instance"), outboxConfig, inboxConfig, meters);
        UUID municipality = UUID.randomUUID();
        List<String> written = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService relays = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (OutboxRelay instance : List.of(relay, secondInstance)) {
                running.add(relays.submit(() -> {
                    while (writing.get()) {
                        instance.relayOnce();
                    }
                    return null;
                }));
            }
            for (int i = 0; i < 40; i++) {
                String reason = "two-producers-" + i;
                written.add(QuarkusTransaction.requiringNew().call(
                        () -> outbox.append(TestEvents.memberSuspended(municipality, reason))).toString());
            }
            writing.set(false);
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            writing.set(false);
            relays.shutdownNow();
        }

        List<ConsumerRecord<String, String>> records = readIds(new HashSet<>(written), Duration.ofSeconds(30));

        assertOnceInOrderUnlessASendFailed(written, records);
    }

    /**
     * Every event arrives and the first arrivals are in the order written. An event may arrive twice only when a send
     * of it failed (timed out on a loaded machine but was written): two relays publishing at once would duplicate
     * events that never failed.
     */
    private void assertOnceInOrderUnlessASendFailed(List<String> written, List<ConsumerRecord<String, String>> records)
            throws Exception {
        List<String> firstArrivals = new ArrayList<>();
        Set<String> duplicated = new HashSet<>();
        for (String id : ids(records)) {
            if (firstArrivals.contains(id)) {
                duplicated.add(id);
            } else {
                firstArrivals.add(id);
            }
        }
        assertEquals(written, firstArrivals, "each event, in the order written");
        for (String id : duplicated) {
            Map<String, Object> row = QuarkusTransaction.requiringNew().call(() -> row(UUID.fromString(id)));
            assertTrue(((Number) row.get("attempts")).intValue() > 0,
                    "event " + id + " arrived twice without a failed send: two relays published at once " + row);
        }
    }

    private Map<String, Object> awaitRow(UUID eventId, Predicate<Map<String, Object>> condition)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, Object> row = QuarkusTransaction.requiringNew().call(() -> row(eventId));
        while (!condition.test(row) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            row = QuarkusTransaction.requiringNew().call(() -> row(eventId));
        }
        assertTrue(condition.test(row), row::toString);
        return row;
    }

    private Map<String, Object> row(UUID eventId) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select published_at, parked_at, last_error, attempts from outbox_event where event_id = ?")) {
            statement.setObject(1, eventId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                Map<String, Object> row = new HashMap<>();
                for (String column : List.of("published_at", "parked_at", "last_error", "attempts")) {
                    row.put(column, rs.getObject(column));
                }
                return row;
            }
        }
    }

    private List<ConsumerRecord<String, String>> readIds(
Set<String> expectedIds, Duration timeout) {
        List<ConsumerRecord<String, String>> all = new KafkaTopicReader(bootstrapServers).readUntil(TOPIC,
                records -> ids(records).containsAll(expectedIds), timeout);
        return all.stream().filter(r -> expectedIds.contains(String.valueOf(header(r, CloudEventHeaders.ID)))).toList();
    }

    private static List<String> ids(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> header(r, CloudEventHeaders.ID)).toList();
    }

    private static ConsumerRecord<String, String> single(List<ConsumerRecord<String, String>> records) {
        assertEquals(1, records.size(), "exactly one record");
        return records.get(0);
    }
}
