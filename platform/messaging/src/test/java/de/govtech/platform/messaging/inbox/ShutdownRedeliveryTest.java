package de.govtech.platform.messaging.inbox;

import de.govtech.platform.events.EventJson;
import de.govtech.platform.events.EventType;
import de.govtech.platform.events.membership.MemberJoined;
import de.govtech.platform.events.membership.MunicipalityType;
import de.govtech.platform.messaging.KafkaCloudEvents;
import de.govtech.platform.messaging.RealInfrastructure;
import de.govtech.platform.messaging.outbox.OutboxRecord;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A record whose handling fails while the service shuts down is neither set aside nor remembered: consumption stops
 * with {@link ConsumptionStoppedException} (the channel's {@code failure-strategy=fail} leaves its offset
 * uncommitted) and the consumer of the next start applies it — once.
 */
@QuarkusTest
@RealInfrastructure
class ShutdownRedeliveryTest {

    private static final String CONSUMER = "test.shutdown-redelivery";

    @Inject
    InboxRepository inbox;

    @Inject
    InboxConfig config;

    @Inject
    DeadLetterPublisher deadLetters;

    @Inject
    MeterRegistry meters;

    @Inject
    Instance<OpenTelemetry> telemetry;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRecordFailingDuringShutdownIsLeftForTheNextStartAndAppliedThenOnce() throws Exception {
        ConsumerRecord<String, byte[]> record = memberJoinedRecord();
        String eventId = new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);

        IdempotentConsumer stopping = newConsumer();
        stopping.onShutdown(null);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<ConsumeOutcome> attempt = thread.submit(() -> stopping.consume(CONSUMER, record, event -> {
                throw new IllegalStateException("the database went away", new ConnectException("Connection refused"));
            }));
            // A consumer that kept retrying during shutdown would hold up the service's stop for good.
            ExecutionException stopped = assertThrows(ExecutionException.class, () -> attempt.get(20, TimeUnit.SECONDS));
            assertInstanceOf(ConsumptionStoppedException.class, stopped.getCause());
        } finally {
            thread.shutdownNow();
        }
        assertEquals(0, inboxRows(eventId), "not remembered as processed");
        assertEquals(0.0, deadLetterCount(), "not set aside as poison");

        IdempotentConsumer afterRestart = newConsumer();
        AtomicInteger applied = new AtomicInteger();
        assertEquals(ConsumeOutcome.APPLIED, afterRestart.consume(CONSUMER, record, event -> applied.incrementAndGet()));
        assertEquals(ConsumeOutcome.DUPLICATE, afterRestart.consume(CONSUMER, record, event -> applied.incrementAndGet()));
        assertEquals(1, applied.get());
        assertEquals(1, inboxRows(eventId));
    }

    private IdempotentConsumer newConsumer() {
        return new IdempotentConsumer(inbox, config, deadLetters, meters, telemetry);
    }

    private static ConsumerRecord<String, byte[]> memberJoinedRecord() throws Exception {
        UUID municipality = UUID.randomUUID();
        MemberJoined payload = new MemberJoined(municipality, "08121000", null, "Gemeinde Neustart",
                MunicipalityType.STADT, "08", null, false, LocalDate.of(2026, 1, 1));
        EventType type = payload.eventType();
        ProducerRecord<String, byte[]> sent = KafkaCloudEvents.toProducerRecord(new OutboxRecord(0, UUID.randomUUID(),
                type.typeName(), type.source(), type.topic(), municipality.toString(), OffsetDateTime.now(ZoneOffset.UTC),
                EventJson.mapper().writeValueAsString(payload)));
        return new ConsumerRecord<>(sent.topic(), 0, 42, System.currentTimeMillis(), TimestampType.CREATE_TIME,
                -1, -1, sent.key(), sent.value(), sent.headers(), Optional.empty());
    }

    private double deadLetterCount() {
        Counter counter = meters.find("govtech.inbox.dead.letters").tag("consumer", CONSUMER).counter();
        return counter == null ? 0 : counter.count();
    }

    private int inboxRows(String eventId) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select count(*) from inbox_event where consumer = ? and event_id = ?")) {
            statement.setString(1, CONSUMER);
            statement.setString(2, eventId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
