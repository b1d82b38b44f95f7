package de.govtech.learning.members;

import de.govtech.learning.LearningFixtures;
import de.govtech.platform.events.membership.MemberJoined;
import de.govtech.platform.events.membership.MemberReinstated;
import de.govtech.platform.events.membership.MunicipalityType;
import de.govtech.platform.events.membership.MunicipalityUpdated;
import de.govtech.platform.messaging.KafkaCloudEvents;
import de.govtech.platform.messaging.outbox.OutboxRecord;
import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.KafkaTopicReader;
import de.govtech.platform.testkit.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.govtech.learning.LearningFixtures.WAIT;
import static de.govtech.learning.LearningFixtures.memberStatus;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** membership.events → member projection (ACTIVE / SUSPENDED / LEFT), through the idempotent inbox, poison → dead letter. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "learning"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class MemberProjectionTest {

    private static final String TOPIC = "membership.events";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void membersFollowJoiningSuspensionReinstatementAndLeaving() {
        String id = UUID.randomUUID().toString();
        LearningFixtures.activeMember(id);
        LearningFixtures.suspend(id);
        LearningFixtures.send(TOPIC, new MemberReinstated(UUID.fromString(id), Instant.now(), null));
        LearningFixtures.awaitMember(id, MemberStatus.ACTIVE);
        LearningFixtures.leave(id);
    }

    @Test
    void aRepeatedEventIsAppliedOnce() {
        UUID id = UUID.randomUUID();
        MemberJoined joined = LearningFixtures.joined(id.toString(), "Gemeinde Doppelt");
        OutboxRecord join = OutboxRecord.of(joined);
        OutboxRecord renamed = OutboxRecord.of(new MunicipalityUpdated(id, "08121000", null, "Gemeinde Umbenannt",
                MunicipalityType.GEMEINDE, "08", null));
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(KafkaCloudEvents.toProducerRecord(join));
            producer.send(KafkaCloudEvents.toProducerRecord(renamed));
            producer.send(KafkaCloudEvents.toProducerRecord(join));
            producer.flush();
        }
        LearningFixtures.suspend(id.toString());
        assertEquals("Gemeinde Umbenannt", member(id).name, "the repeated join was not applied again");
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        UUID poisoned = UUID.randomUUID();
        OutboxRecord broken = new OutboxRecord(0, UUID.randomUUID(), MemberJoined.TYPE, "/membership-service", TOPIC,
                poisoned.toString(), OffsetDateTime.now(ZoneOffset.UTC), "{\"municipalityId\":\"" + poisoned + "\"}");
        UUID healthy = UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(KafkaCloudEvents.toProducerRecord(broken));
            producer.send(new ProducerRecord<>(TOPIC, poisoned.toString(), "no headers".getBytes(StandardCharsets.UTF_8)));
            producer.send(KafkaCloudEvents.toProducerRecord(OutboxRecord.of(
                    LearningFixtures.joined(healthy.toString(), "Gemeinde Gesund"))));
            producer.flush();
        }
        await().atMost(WAIT).until(() -> memberStatus(healthy.toString()) == MemberStatus.ACTIVE);
        List<ConsumerRecord<String, String>> deadLetters = KafkaTopicReader.fromTestBroker()
                .readMatching("learning.dead-letter", r -> poisoned.toString().equals(r.key()), 2, WAIT);
        assertEquals(2, deadLetters.size());
        assertNotNull(KafkaTopicReader.header(deadLetters.get(0), "dead-letter-reason"));
        assertNull(member(poisoned));
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
