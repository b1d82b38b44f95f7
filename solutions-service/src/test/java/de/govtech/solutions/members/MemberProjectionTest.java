package de.govtech.solutions.members;

import de.govtech.platform.events.membership.MemberJoined;
import de.govtech.platform.events.membership.MemberReinstated;
import de.govtech.platform.events.membership.MunicipalityType;
import de.govtech.platform.events.membership.MunicipalityUpdated;
import de.govtech.platform.messaging.KafkaCloudEvents;
import de.govtech.platform.messaging.outbox.OutboxRecord;
import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.KafkaTopicReader;
import de.govtech.platform.testkit.PostgresTestResource;
import de.govtech.solutions.TestMembers;
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
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.govtech.solutions.TestMembers.WAIT;
import static de.govtech.solutions.TestMembers.member;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** membership.events → member projection (name, population, status), once per event, poison to the dead-letter topic. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "solutions"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class MemberProjectionTest {

    @Inject
    DataSource dataSource;

    @Test
    void aJoinedMunicipalityIsAnActiveMemberWithNameAndPopulation() {
        String id = UUID.randomUUID().toString();
        TestMembers.join(id, "Stadt Heilbronn", 126_458);
        MemberMunicipality member = member(id);
        assertEquals(MemberStatus.ACTIVE, member.status);
        assertEquals("Stadt Heilbronn", member.name);
        assertEquals(126_458, member.population);
    }

    @Test
    void suspensionReinstatementAndLeavingFollowTheEvents() {
        String id = UUID.randomUUID().toString();
        TestMembers.join(id);
        TestMembers.suspend(id);
        TestMembers.send(new MemberReinstated(UUID.fromString(id), Instant.parse("2026-07-01T00:00:00Z"), null));
        await().atMost(WAIT).until(() -> member(id).status == MemberStatus.ACTIVE);
        TestMembers.leave(id);
    }

    @Test
    void anUpdateChangesNameAndPopulationAndARepeatedJoinIsNotAppliedTwice() {
        UUID id = UUID.randomUUID();
        MemberJoined joined = new MemberJoined(id, "08125038", null, "Gemeinde Alt", MunicipalityType.GEMEINDE, "08", 5_000,
                false, LocalDate.of(2026, 1, 1));
        OutboxRecord joinedOnce = OutboxRecord.of(joined);
        OutboxRecord renamed = OutboxRecord.of(new MunicipalityUpdated(id, "08125038", null, "Gemeinde Neu",
                MunicipalityType.GEMEINDE, "08", 5_200));
        send(KafkaCloudEvents.toProducerRecord(joinedOnce), KafkaCloudEvents.toProducerRecord(renamed),
                KafkaCloudEvents.toProducerRecord(joinedOnce));
        TestMembers.suspend(id.toString());
        assertEquals("Gemeinde Neu", member(id.toString()).name, "the redelivered join did not undo the update");
        assertEquals(5_200, member(id.toString()).population);
        assertEquals(1L, de.govtech.solutions.Database.count(dataSource,
                "select count(*) from inbox_event where event_id = ?", joinedOnce.eventId().toString()));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextIsApplied() {
        UUID poisoned = UUID.randomUUID();
        send(new ProducerRecord<>("membership.events", poisoned.toString(), "no headers".getBytes(StandardCharsets.UTF_8)));
        String healthy = UUID.randomUUID().toString();
        TestMembers.join(healthy);
        List<ConsumerRecord<String, String>> deadLetters = KafkaTopicReader.fromTestBroker()
                .readMatching("solutions.dead-letter", r -> poisoned.toString().equals(r.key()), 1, WAIT);
        assertEquals(1, deadLetters.size());
        assertNull(member(poisoned.toString()));
    }

    @SafeVarargs
    private static void send(ProducerRecord<String, byte[]>... records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.broker().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record);
            }
            producer.flush();
        }
    }
}
