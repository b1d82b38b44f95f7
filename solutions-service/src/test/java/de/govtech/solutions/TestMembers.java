package de.govtech.solutions;

import de.govtech.platform.events.EventPayload;
import de.govtech.platform.events.membership.MemberJoined;
import de.govtech.platform.events.membership.MemberLeft;
import de.govtech.platform.events.membership.MemberSuspended;
import de.govtech.platform.events.membership.MunicipalityType;
import de.govtech.platform.messaging.KafkaCloudEvents;
import de.govtech.platform.messaging.outbox.OutboxRecord;
import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.solutions.members.MemberMunicipality;
import de.govtech.solutions.members.MemberStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Members as the service learns them: membership events put on membership.events, then awaited in the projection. */
public final class TestMembers {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private TestMembers() {
    }

    public static void join(String municipalityId, String name, Integer population) {
        send(new MemberJoined(UUID.fromString(municipalityId), "08125038", null, name, MunicipalityType.GEMEINDE, "08",
                population, false, LocalDate.of(2026, 1, 1)));
        await(municipalityId, MemberStatus.ACTIVE);
    }

    public static void join(String municipalityId) {
        join(municipalityId, "Gemeinde " + municipalityId.substring(municipalityId.length() - 4), 10_000);
    }

    /** Joins the municipality unless the projection already has it as an ACTIVE member. */
    public static void ensureActive(String municipalityId) {
        MemberMunicipality m = member(municipalityId);
        if (m == null || m.status != MemberStatus.ACTIVE) {
            join(municipalityId);
        }
    }

    public static void suspend(String municipalityId) {
        send(new MemberSuspended(UUID.fromString(municipalityId), Instant.parse("2026-06-01T00:00:00Z"), "Beitrag offen"));
        await(municipalityId, MemberStatus.SUSPENDED);
    }

    public static void leave(String municipalityId) {
        send(new MemberLeft(UUID.fromString(municipalityId), LocalDate.of(2026, 6, 30), "Kündigung"));
        await(municipalityId, MemberStatus.LEFT);
    }

    public static void send(EventPayload... payloads) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.broker().bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (EventPayload payload : payloads) {
                producer.send(KafkaCloudEvents.toProducerRecord(OutboxRecord.of(payload)));
            }
            producer.flush();
        }
    }

    public static MemberMunicipality member(String municipalityId) {
        return QuarkusTransaction.requiringNew().call(() -> MemberMunicipality.findById(UUID.fromString(municipalityId)));
    }

    private static void await(String municipalityId, MemberStatus status) {
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> {
            MemberMunicipality m = member(municipalityId);
            return m != null && m.status == status;
        });
    }
}
