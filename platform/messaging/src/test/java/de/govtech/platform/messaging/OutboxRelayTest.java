package de.govtech.platform.messaging;

import de.govtech.platform.events.CloudEventHeaders;
import de.govtech.platform.events.EventSchemas;
import de.govtech.platform.events.membership.MemberJoined;
import de.govtech.platform.messaging.outbox.Outbox;
import de.govtech.platform.messaging.outbox.OutboxRelay;
import de.govtech.platform.messaging.outbox.OutboxRepository;
import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.KafkaTopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

import static de.govtech.platform.testkit.KafkaTopicReader.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void eventsWrittenWhileKafkaIsDownAllArriveOnceAndInOrderAfterItReturns() {
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
            assertTrue(repository.countUnpublished() >= 100, "nothing is marked published while Kafka is down");
        } finally {
            KafkaTestResource.broker().restart();
        }

        List<ConsumerRecord<String, String>> records = readIds(written, Duration.ofSeconds(90));

        List<String> ids = ids(records);
        assertEquals(100, ids.size(), "every event arrives exactly once");
        assertEquals(written, new HashSet<>(ids));
        Map<String, List<String>> receivedPerAggregate = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            receivedPerAggregate.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(header(record, CloudEventHeaders.ID));
        }
        assertEquals(writtenPerAggregate, receivedPerAggregate, "per aggregate, events arrive in the order written");
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

        assertEquals(written, ids(records), "each event once, in the order written");
    }

    private List<ConsumerRecord<String, String>> readIds(Set<String> expectedIds, Duration timeout) {
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
