package de.govtech.marketplace.members;

import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import de.govtech.platform.events.membership.MemberJoined;
import de.govtech.platform.events.membership.MemberLeft;
import de.govtech.platform.events.membership.MemberReinstated;
import de.govtech.platform.events.membership.MemberSuspended;
import de.govtech.platform.events.membership.MunicipalityType;
import de.govtech.platform.events.membership.MunicipalityUpdated;
import de.govtech.platform.messaging.KafkaCloudEvents;
import de.govtech.platform.messaging.outbox.OutboxRecord;
import de.govtech.platform.testkit.KafkaTopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** membership.events → member projection, through the idempotent inbox, with dead letters for poison records. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class MemberProjectionTest {

    private static final String TOPIC = "membership.events";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aJoinedMunicipalityBecomesAnActiveMember() {
        UUID id = UUID.randomUUID();
        send(OutboxRecord.of(joined(id, "Stadt Projektion")));

        await().atMost(WAIT).until(() -> member(id) != null);
        MemberMunicipality member = member(id);
        assertEquals(MemberStatus.ACTIVE, member.status);
        assertEquals("Stadt Projektion", member.name);
        assertEquals("08121000", member.officialKey);
        assertEquals(LocalDate.of(2026, 1, 1), member.joinedOn);
    }

    @Test
    void theSameJoinedEventDeliveredTwiceGivesOneRowAppliedOnce() {
        UUID id = UUID.randomUUID();
        OutboxRecord joined = OutboxRecord.of(joined(id, "Gemeinde Doppelt"));
        // A renaming after the join: if the duplicate join were applied again, it would undo the renaming.
        OutboxRecord renamed = OutboxRecord.of(new MunicipalityUpdated(id, "08121000", null, "Gemeinde Umbenannt",
                MunicipalityType.GEMEINDE, "08", null));
        send(joined, renamed, joined);
        OutboxRecord marker = OutboxRecord.of(new MemberSuspended(id, Instant.parse("2026-03-01T00:00:00Z"), "Marker"));
        send(marker);

        await().atMost(WAIT).until(() -> member(id) != null && member(id).status == MemberStatus.SUSPENDED);
        assertEquals("Gemeinde Umbenannt", member(id).name, "the repeated join was not applied again");
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> MemberMunicipality.count("municipalityId", id)));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> MemberMunicipality.getEntityManager()
                .createNativeQuery("select count(*) from inbox_event where event_id = :id")
                .setParameter("id", joined.eventId().toString()).getSingleResult() instanceof Number n ? n.longValue() : -1L));
    }

    @Test
    void suspensionReinstatementAndLeavingFollowTheEvents() {
        UUID id = UUID.randomUUID();
        send(OutboxRecord.of(joined(id, "Gemeinde Wechselhaft")),
                OutboxRecord.of(new MemberSuspended(id, Instant.parse("2026-02-01T00:00:00Z"), "Beitrag nicht gezahlt")));
        await().atMost(WAIT).until(() -> member(id) != null && member(id).status == MemberStatus.SUSPENDED);
        assertEquals(Instant.parse("2026-02-01T00:00:00Z"), member(id).statusSince);

        send(OutboxRecord.of(new MemberReinstated(id, Instant.parse("2026-02-15T00:00:00Z"), null)));
        await().atMost(WAIT).until(() -> member(id).status == MemberStatus.ACTIVE);

        send(OutboxRecord.of(new MemberLeft(id, LocalDate.of(2026, 12, 31), "Kündigung")));
        await().atMost(WAIT).until(() -> member(id).status == MemberStatus.LEFT);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        UUID poisoned = UUID.randomUUID();
        // Valid CloudEvent headers, but the data misses required fields of member-joined.
        OutboxRecord broken = new OutboxRecord(0, UUID.randomUUID(), MemberJoined.TYPE, "/membership-service", TOPIC,
                poisoned.toString(), OffsetDateTime.now(ZoneOffset.UTC), "{\"municipalityId\":\"" + poisoned + "\"}");
        UUID healthy = UUID.randomUUID();
        ProducerRecord<String, byte[]> notACloudEvent =
                new ProducerRecord<>(TOPIC, poisoned.toString(), "no headers".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(KafkaCloudEvents.toProducerRecord(broken));
            producer.send(notACloudEvent);
            producer.send(KafkaCloudEvents.toProducerRecord(OutboxRecord.of(joined(healthy, "Gemeinde Gesund"))));
            producer.flush();
        }

        await().atMost(WAIT).until(() -> member(healthy) != null);
        List<ConsumerRecord<String, String>> deadLetters = KafkaTopicReader.fromTestBroker()
                .readMatching("marketplace.dead-letter", r -> poisoned.toString().equals(r.key()), 2, WAIT);
        assertEquals(2, deadLetters.size());
        assertEquals(broken.eventId().toString(), KafkaTopicReader.header(deadLetters.get(0), "ce_id"));
        assertNotNull(KafkaTopicReader.header(deadLetters.get(0), "dead-letter-reason"));
        assertEquals("no headers", deadLetters.get(1).value());
        assertEquals(null, member(poisoned));
    }

    private static MemberJoined joined(UUID id, String name) {
        return new MemberJoined(id, "08121000", null, name, MunicipalityType.STADT, "08", 126_000, false,
                LocalDate.of(2026, 1, 1));
    }

    private void send(OutboxRecord... events) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (OutboxRecord event : events) {
                producer.send(KafkaCloudEvents.toProducerRecord(event));
            }
            producer.flush();
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static MemberMunicipality member(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> MemberMunicipality.<MemberMunicipality>findById(id));
    }
}
