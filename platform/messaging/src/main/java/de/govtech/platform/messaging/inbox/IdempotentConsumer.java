package de.govtech.platform.messaging.inbox;

import de.govtech.platform.events.CloudEvent;
import de.govtech.platform.events.EventJson;
import de.govtech.platform.events.EventPayload;
import de.govtech.platform.events.EventType;
import de.govtech.platform.messaging.KafkaCloudEvents;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Applies consumed events exactly once per consumer: the inbox entry and the handler's effect commit in
 * one transaction, a redelivered event is recognised by its id and skipped. A failing handler is retried
 * a few times; after that the record is poison and goes to the dead-letter topic.
 *
 * <pre>{@code
 * @Incoming("membership-events") @Blocking
 * public void onMembershipEvent(ConsumerRecord<String, byte[]> record) {
 *     consumer.consume("marketplace.members", record, event -> projection.apply(event));
 * }
 * }</pre>
 */
@ApplicationScoped
public class IdempotentConsumer {

    private final InboxRepository inbox;
    private final InboxConfig config;

    public IdempotentConsumer(InboxRepository inbox, InboxConfig config) {
        this.inbox = inbox;
        this.config = config;
    }

    public ConsumeOutcome consume(String consumerName, ConsumerRecord<String, byte[]> record, EventHandler handler) {
        CloudEvent envelope = decodeEnvelope(record);
        Optional<EventType> type = EventType.byName(envelope.type());
        if (type.isEmpty()) {
            Log.infof("%s skips event %s of unknown type %s", consumerName, envelope.id(), envelope.type());
            return ConsumeOutcome.UNKNOWN_TYPE;
        }
        ReceivedEvent event = new ReceivedEvent(envelope, decodePayload(type.get(), envelope, record),
                record.topic(), record.partition(), record.offset());
        return applyWithRetries(consumerName, event, handler);
    }

    private ConsumeOutcome applyWithRetries(String consumerName, ReceivedEvent event, EventHandler handler) {
        Duration backoff = config.retryBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!inbox.recordIfNew(consumerName, event.id(), event.type())) {
                        return ConsumeOutcome.DUPLICATE;
                    }
                    handler.handle(event);
                    return ConsumeOutcome.APPLIED;
                });
            } catch (RuntimeException e) {
                if (attempt >= config.maxAttempts()) {
                    throw new PoisonMessageException("%s failed to apply event %s (%s) %d times"
                            .formatted(consumerName, event.id(), event.type(), attempt), e);
                }
                Log.warnf("%s failed to apply event %s (attempt %d of %d): %s",
                        consumerName, event.id(), attempt, config.maxAttempts(), e);
                pause(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private static CloudEvent decodeEnvelope(ConsumerRecord<String, byte[]> record) {
        try {
            return KafkaCloudEvents.read(record);
        } catch (RuntimeException e) {
            throw new PoisonMessageException("Record %s-%d@%d is not a valid CloudEvent: %s"
                    .formatted(record.topic(), record.partition(), record.offset(), e.getMessage()), e);
        }
    }

    private static EventPayload decodePayload(EventType type, CloudEvent envelope, ConsumerRecord<String, byte[]> record) {
        try {
            return EventJson.mapper().readValue(record.value(), type.payloadClass());
        } catch (IOException | RuntimeException e) {
            throw new PoisonMessageException("Event %s of type %s has data that does not match its contract: %s"
                    .formatted(envelope.id(), envelope.type(), e.getMessage()), e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PoisonMessageException("Interrupted while retrying", e);
        }
    }
}
