package de.govtech.platform.messaging;

import de.govtech.platform.messaging.outbox.OutboxRecord;
import de.govtech.platform.testkit.KafkaTopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A dead-lettered event is applied once its cause is fixed and the dead letters are replayed, however often. */
@QuarkusTest
@RealInfrastructure
class DeadLetterReplayTest {

    private static final String REPLAY = "/admin/dead-letters/replay";

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @AfterEach
    void refuseAgain() {
        TestMemberProjection.refuseRefused = true;
    }

    @Test
    @TestSecurity(user = "ops", roles = "platform-admin")
    void aFixedPoisonEventIsAppliedByTheReplayExactlyOnce() throws Exception {
        UUID municipality = UUID.randomUUID();
        OutboxRecord refused = OutboxRecord.of(TestEvents.memberJoined(municipality, "REFUSED until fixed"));
        send(refused);
        new KafkaTopicReader(bootstrapServers).readUntil("marketplace.dead-letter", records -> records.stream()
                .anyMatch(r -> refused.eventId().toString().equals(KafkaTopicReader.header(r, "ce_id"))), Duration.ofSeconds(30));
        assertEquals(0, appliedCount(municipality));

        TestMemberProjection.refuseRefused = false;
        given().post(REPLAY).then().statusCode(200)
                .body("topic", equalTo("marketplace.dead-letter"))
                .body("applied", greaterThanOrEqualTo(1));
        assertEquals(1, appliedCount(municipality));

        given().post(REPLAY).then().statusCode(200).body("applied", equalTo(0));
        assertEquals(1, appliedCount(municipality), "a second replay does not apply it again");
    }

    @Test
    void onlyPlatformAdminsReplay() {
        given().post(REPLAY).then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "someone", roles = "municipality-admin")
    void otherRolesMayNotReplay() {
        given().post(REPLAY).then().statusCode(403);
    }

    private void send(OutboxRecord record) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(KafkaCloudEvents.toProducerRecord(record)).get();
        }
    }

    private int appliedCount(UUID municipality) throws Exception {
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
