package de.govtech.platform.messaging.outbox;

import de.govtech.platform.events.CloudEventHeaders;
import de.govtech.platform.events.membership.MemberJoined;
import de.govtech.platform.events.membership.MunicipalityType;
import de.govtech.platform.messaging.RealInfrastructure;
import de.govtech.platform.testkit.KafkaTopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relay learns of a committed event without waiting for its poll interval, which the test application sets far
 * longer than any test ({@code govtech.outbox.poll-interval=10m}): an event that arrives within the test's timeout
 * got there through a wake-up. No timing is asserted.
 */
@QuarkusTest
@RealInfrastructure
class RelayWakeUpTest {

    private static final String TOPIC = "membership.events";
    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    @Inject
    Outbox outbox;

    @Inject
    OutboxConfig config;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void pollIntervalFarLongerThanTheTest() {
        assertTrue(config.pollInterval().compareTo(ARRIVAL.multipliedBy(10)) > 0,
                "this test needs a poll interval far longer than " + ARRIVAL + ", not " + config.pollInterval());
    }

    @Test
    void theCommitOfAnEventWakesTheRelay() {
        UUID eventId = QuarkusTransaction.requiringNew().call(() -> outbox.append(memberJoined("Gemeinde Wecker")));

        assertEquals(1, arrived(eventId).size(), "published although the relay's poll interval has not passed");
    }

    @Test
    void anEventCommittedWhileAnotherInstanceRelaysIsPublishedOnceThatInstanceIsDone() throws Exception {
        UUID eventId;
        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            try (PreparedStatement lock = otherInstance.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, OutboxRepository.RELAY_LOCK_KEY);
                lock.execute();
            }
            // the other instance selected its rows before this commit, so it will not publish this event
            eventId = QuarkusTransaction.requiringNew().call(() -> outbox.append(memberJoined("Gemeinde Nebenher")));
            Thread.sleep(1_000);
            otherInstance.rollback();
        }

        assertEquals(1, arrived(eventId).size(), "published once the lock was free, not after the poll interval");
    }

    private List<ConsumerRecord<String, String>> arrived(UUID eventId) {
        return new KafkaTopicReader(bootstrapServers).readUntil(TOPIC, records -> records.stream().anyMatch(
                        r -> eventId.toString().equals(KafkaTopicReader.header(r, CloudEventHeaders.ID))), ARRIVAL)
                .stream().filter(r -> eventId.toString().equals(KafkaTopicReader.header(r, CloudEventHeaders.ID))).toList();
    }

    private static MemberJoined memberJoined(String name) {
        return new MemberJoined(UUID.randomUUID(), "08121000", null, name, MunicipalityType.STADT, "08", null, false,
                LocalDate.of(2026, 1, 1));
    }
}
