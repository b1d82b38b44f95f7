package de.govtech.platform.messaging.inbox;

import de.govtech.platform.events.CloudEvent;
import de.govtech.platform.events.EventJson;
import de.govtech.platform.events.EventPayload;
import de.govtech.platform.events.EventType;
import de.govtech.platform.messaging.KafkaCloudEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies consumed events exactly once per consumer: the inbox entry and the handler's effect commit in one
 * transaction, a redelivered event is recognised by its id and skipped.
 *
 * <p>Only poison goes to the dead-letter topic: a record that is not a CloudEvent, whose data breaks its contract,
 * or that the handler declares permanently unacceptable by throwing {@link PoisonMessageException}. Every other
 * failure (the database gone, a deadlock, a lock timeout, a bug being fixed) is retried in place with capped
 * back-off for as long as it lasts, so the partition waits and nothing is lost or reordered. At shutdown the record
 * is left unacknowledged ({@link ConsumptionStoppedException}) and delivered again after the restart; the channel
 * needs {@code failure-strategy=fail} for that.
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
    private final DeadLetterPublisher deadLetters;
    private final MeterRegistry meters;
    private final Map<String, EventHandler> handlers = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public IdempotentConsumer(InboxRepository inbox, InboxConfig config, DeadLetterPublisher deadLetters,
                              MeterRegistry meters) {
        this.inbox = inbox;
        this.config = config;
        this.deadLetters = deadLetters;
        this.meters = meters;
    }

    void onShutdown(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /**
     * Makes the consumer's handler known before its first record arrives, so {@link DeadLetterReplay} can hand
     * dead-lettered records back to it right after a start. {@link #consume} registers the handler too.
     */
    public void register(String consumerName, EventHandler handler) {
        handlers.putIfAbsent(consumerName, handler);
    }

    public ConsumeOutcome consume(String consumerName, ConsumerRecord<String, byte[]> record, EventHandler handler) {
        register(consumerName, handler);
        try {
            return apply(consumerName, record, handler);
        } catch (PoisonMessageException poison) {
            Log.errorf("%s sets record %s-%d@%d aside on %s: %s", consumerName, record.topic(), record.partition(),
                    record.offset(), deadLetters.topic(), poison.getMessage());
            deadLetters.publish(consumerName, record, poison);
            meters.counter("govtech.inbox.dead.letters", "consumer", consumerName).increment();
            return ConsumeOutcome.DEAD_LETTERED;
        }
    }

    /** The registered handler of a consumer, if it has registered in this instance. */
    Optional<EventHandler> handler(String consumerName) {
        return Optional.ofNullable(handlers.get(consumerName));
    }

    /** Decodes and applies the record once; throws {@link PoisonMessageException} for poison, retries all else. */
    ConsumeOutcome apply(String consumerName, ConsumerRecord<String, byte[]> record, EventHandler handler) {
        CloudEvent envelope = decodeEnvelope(record);
        Optional<EventType> type = EventType.byName(envelope.type());
        if (type.isEmpty()) {
            Log.infof("%s skips event %s of unknown type %s", consumerName, envelope.id(), envelope.type());
            return ConsumeOutcome.UNKNOWN_TYPE;
        }
        ReceivedEvent event = new ReceivedEvent(envelope, decodePayload(type.get(), envelope, record),
                record.topic(), record.partition(), record.offset());
        return applyUntilDone(consumerName, event, handler);
    }

    private ConsumeOutcome applyUntilDone(String consumerName, ReceivedEvent event, EventHandler handler) {
        Duration backoff = config.retryBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    inbox.rememberPartition(event.topic(), event.partition());
                    if (!inbox.recordIfNew(consumerName, event.id(), event.type())) {
                        return ConsumeOutcome.DUPLICATE;
                    }
                    handler.handle(event);
                    return ConsumeOutcome.APPLIED;
                });
            } catch (RuntimeException e) {
                PoisonMessageException poison = declaredPoison(e);
                if (poison != null) {
                    throw poison;
                }
                boolean transientFailure = TransientFailures.isTransient(e);
                meters.counter("govtech.inbox.retries", "consumer", consumerName,
                        "kind", transientFailure ? "transient" : "unexpected").increment();
                if (transientFailure) {
                    Log.warnf("%s could not apply event %s (attempt %d), retrying in %s: %s",
                            consumerName, event.id(), attempt, backoff, e);
                } else {
                    Log.errorf(e, "%s failed to apply event %s (attempt %d), retrying in %s; the partition waits until it "
                            + "succeeds (throw PoisonMessageException for events that can never be applied)",
                            consumerName, event.id(), attempt, backoff);
                }
                pause(backoff, consumerName, event, e);
                backoff = min(backoff.multipliedBy(2), config.maxBackoff());
            }
        }
    }

    /** The handler's own verdict that the event can never be applied, possibly wrapped by the transaction. */
    private static PoisonMessageException declaredPoison(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonMessageException poison) {
                return poison;
            }
        }
        return null;
    }

    private void pause(Duration duration, String consumerName, ReceivedEvent event, RuntimeException failure) {
        if (stopping) {
            throw new ConsumptionStoppedException("%s stops before applying event %s: shutting down"
                    .formatted(consumerName, event.id()), failure);
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsumptionStoppedException("%s was interrupted before applying event %s"
                    .formatted(consumerName, event.id()), e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
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
}
