package de.govtech.learning;

import de.govtech.learning.members.MemberMunicipality;
import de.govtech.learning.members.MemberStatus;
import de.govtech.platform.events.EventPayload;
import de.govtech.platform.events.membership.MemberJoined;
import de.govtech.platform.events.membership.MemberLeft;
import de.govtech.platform.events.membership.MemberSuspended;
import de.govtech.platform.events.membership.MunicipalityType;
import de.govtech.platform.messaging.KafkaCloudEvents;
import de.govtech.platform.messaging.outbox.OutboxRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Members (through membership.events), courses (through the API) and outbox look-ups shared by the tests. */
public final class LearningFixtures {

    public static final String BASE = "/api/v1/learning";
    public static final Duration WAIT = Duration.ofSeconds(30);

    private LearningFixtures() {
    }

    public static void send(String topic, EventPayload... events) {
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (EventPayload event : events) {
                producer.send(KafkaCloudEvents.toProducerRecord(OutboxRecord.of(event)));
            }
            producer.flush();
        }
    }

    public static MemberJoined joined(String municipalityId, String name) {
        return new MemberJoined(UUID.fromString(municipalityId), "08121000", null, name, MunicipalityType.STADT, "08",
                126_000, false, LocalDate.of(2026, 1, 1));
    }

    /** Makes the municipality an ACTIVE member through membership.events; idempotent. */
    public static void activeMember(String municipalityId) {
        if (memberStatus(municipalityId) == MemberStatus.ACTIVE) {
            return;
        }
        send("membership.events", joined(municipalityId, "Gemeinde " + municipalityId.substring(0, 8)));
        awaitMember(municipalityId, MemberStatus.ACTIVE);
    }

    public static void suspend(String municipalityId) {
        send("membership.events", new MemberSuspended(UUID.fromString(municipalityId), Instant.now(), "Test"));
        awaitMember(municipalityId, MemberStatus.SUSPENDED);
    }

    public static void leave(String municipalityId) {
        send("membership.events", new MemberLeft(UUID.fromString(municipalityId), LocalDate.now(), "Test"));
        awaitMember(municipalityId, MemberStatus.LEFT);
    }

    public static void awaitMember(String municipalityId, MemberStatus status) {
        await().atMost(WAIT).until(() -> memberStatus(municipalityId) == status);
    }

    public static MemberStatus memberStatus(String municipalityId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            MemberMunicipality member = MemberMunicipality.findById(UUID.fromString(municipalityId));
            return member == null ? null : member.status;
        });
    }

    /** Outbox rows of an event type about one aggregate (rows stay after publishing: an exact count). */
    public static long outboxEvents(String type, Object aggregateId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) MemberMunicipality.getEntityManager()
                .createNativeQuery("select count(*) from outbox_event where event_type = :type and aggregate_id = :id")
                .setParameter("type", type).setParameter("id", aggregateId.toString()).getSingleResult()).longValue());
    }

    /** A course JSON body: one module with a text lesson, a video lesson and a quiz. */
    public static String courseJson(String slug, String title, String topic, String level, String format) {
        return """
                {"slug": "%s", "title": "%s", "summary": "Kurzbeschreibung von %s",
                 "description": "Ausführliche Beschreibung des Kurses %s für die Verwaltung.",
                 "topic": "%s", "level": "%s", "format": "%s", "expectedHours": 3.5, "language": "de",
                 "modules": [{"title": "Grundlagen", "lessons": [
                    {"title": "Einführung", "kind": "TEXT", "text": "Worum es geht.", "required": true},
                    {"title": "Video", "kind": "VIDEO", "url": "https://media.example.de/v1.mp4", "required": false},
                    {"title": "Quiz", "kind": "QUIZ", "required": true, "quiz": {"passMark": 50, "questions": [
                        {"text": "Ist 2 eine Zahl?", "type": "SINGLE_CHOICE",
                         "options": [{"text": "Ja", "correct": true}, {"text": "Nein", "correct": false}]},
                        {"text": "Was ist eine Cloud?", "type": "MULTIPLE_CHOICE",
                         "options": [{"text": "Rechenzentrum", "correct": true}, {"text": "Wetter", "correct": false},
                                     {"text": "Dienst", "correct": true}]}]}}]}],
                 "linkedAppIds": []}
                """.formatted(slug, title, title, title, topic, level, format);
    }
}
