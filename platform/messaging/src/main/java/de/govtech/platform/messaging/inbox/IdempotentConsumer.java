package de.govtech.platform.messaging.inbox;

import de.govtech.platform.events.CloudEvent;
import de.govtech.platform.events.CloudEventHeaders;
import de.govtech.platform.events.EventJson;
import de.govtech.platform.events.EventPayload;
import de.govtech.platform.events.EventType;
import de.govtech.platform.messaging.KafkaCloudEvents;
import de.govtech.platform.messaging.tracing.TraceContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

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
 * <p>Each record is handled in a consumer span whose parent is the trace context the record carries (the
 * {@code traceparent} header the outbox relay sets), so the handler's log lines and everything it emits belong to
 * the trace of the request that caused the event.
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

    /** Room in the dead-letter transaction beyond the longest wait for the dead-letter topic. */
    private static final Duration TRANSACTION_MARGIN = Duration.ofSeconds(30);
    /** Width of {@code inbox_event.event_id}. */
    private static final int MAX_KEY_LENGTH = 200;

    private final InboxRepository inbox;
    private final InboxConfig config;
    private final DeadLetterPublisher deadLetters;
    private final MeterRegistry meters;
    private final Tracer tracer;
    private final Map<String, EventHandler> handlers = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public IdempotentConsumer(InboxRepository inbox, InboxConfig config, DeadLetterPublisher deadLetters,
                              MeterRegistry meters, Instance<OpenTelemetry> telemetry) {
        this.inbox = inbox;
        this.config = config;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.tracer = (telemetry.isResolvable() ? telemetry.get() : OpenTelemetry.noop()).getTracer("govtech-messaging");
    }

    void onShutdown(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /** True once the application stops: a retry still waiting then gives up with {@link ConsumptionStoppedException}. */
    boolean stopping() {
        return stopping;
    }

    /**
     * Makes the consumer's handler known before its first record arrives, so {@link DeadLetterReplay} can hand
     * dead-lettered records back to it right after a start. {@link #consume} registers the handler too.
     */
    public void register(String consumerName, EventHandler handler) {
        if (handlers.putIfAbsent(consumerName, handler) == null) {
            deadLetterCounter(consumerName);
        }
    }

    /** Registered with the consumer, so the dead-letter count is scraped (as 0) before the first one happens. */
    private Counter deadLetterCounter(String consumerName) {
        return Counter.builder("govtech.inbox.dead.letters")
                .description("records this consumer set aside on the dead-letter topic")
                .tag("consumer", consumerName)
                .register(meters);
    }

    public ConsumeOutcome consume(String consumerName, ConsumerRecord<String, byte[]> record, EventHandler handler) {
        register(consumerName, handler);
        Span span = consumerSpan(consumerName, record);
        try (Scope ignored = span.makeCurrent()) {
            ConsumeOutcome outcome;
            try {
                outcome = apply(consumerName, record, handler, false);
            } catch (PoisonMessageException poison) {
                outcome = setAsideOnce(consumerName, record, poison);
            }
            span.setAttribute("govtech.consume.outcome", outcome.name());
            return outcome;
        } catch (RuntimeException e) {
            span.recordException(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** The span of handling one record: a child of the trace context in its headers, else of the current one. */
    private Span consumerSpan(String consumerName, ConsumerRecord<String, byte[]> record) {
        Context parent = TraceContext.extract(Context.current(), name -> KafkaCloudEvents.header(record, name));
        return tracer.spanBuilder(record.topic() + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.consumer.group.name", consumerName)
                .setAttribute("messaging.kafka.message.offset", record.offset())
                .startSpan();
    }

    /** The registered handler of a consumer, if it has registered in this instance. */
    Optional<EventHandler> handler(String consumerName) {
        return Optional.ofNullable(handlers.get(consumerName));
    }

    /**
     * Writes a poison record to the dead-letter topic unless this consumer did so before, and remembers it in the
     * inbox in a transaction that commits only after the broker has the copy: a record read again (a group reset, a
     * new group) is not set aside twice, and one whose copy never reached the topic is not taken as set aside. A
     * database that does not remember it (a fresh one) finds the earlier copy on the dead-letter topic itself.
     */
    private ConsumeOutcome setAsideOnce(String consumerName, ConsumerRecord<String, byte[]> record,
                                        PoisonMessageException poison) {
        String key = deadLetterKey(record);
        String type = KafkaCloudEvents.header(record, CloudEventHeaders.TYPE);
        int timeoutSeconds = (int) config.deadLetterTimeout().plus(TRANSACTION_MARGIN).toSeconds();
        ConsumeOutcome outcome = untilDone(consumerName, key, () -> QuarkusTransaction.requiringNew().timeout(timeoutSeconds)
                .call(() -> {
                    if (!inbox.rememberDeadLetter(consumerName, key, type, poison.getMessage())
                            || deadLetters.holds(consumerName, key)) {
                        return ConsumeOutcome.ALREADY_DEAD_LETTERED;
                    }
                    deadLetters.publish(consumerName, record, poison);
                    return ConsumeOutcome.DEAD_LETTERED;
                }));
        if (outcome == ConsumeOutcome.DEAD_LETTERED) {
            deadLetterCounter(consumerName).increment();
            Log.errorf("%s set record %s-%d@%d aside on %s: %s", consumerName, record.topic(), record.partition(),
                    record.offset(), deadLetters.topic(), poison.getMessage());
        } else {
            Log.infof("%s skips record %s-%d@%d: poison, set aside on %s before (%s)", consumerName, record.topic(),
                    record.partition(), record.offset(), deadLetters.topic(), poison.getMessage());
        }
        return outcome;
    }

    /** The record's event id, or its place in the topic when it carries no readable one. */
    private static String deadLetterKey(ConsumerRecord<String, byte[]> record) {
        try {
            String id = KafkaCloudEvents.read(record).id();
            if (id.length() <= MAX_KEY_LENGTH) {
                return id;
            }
        } catch (RuntimeException notACloudEvent) {
            // keyed by its place in the topic below
        }
        return InboxRepository.recordKey(record.topic(), record.partition(), record.offset());
    }

    /**
     * Decodes and applies the record once; throws {@link PoisonMessageException} for poison, retries all else.
     * With {@code replay} (the dead-letter replay) an event this consumer set aside before is applied too.
     */
    ConsumeOutcome apply(String consumerName, ConsumerRecord<String, byte[]> record, EventHandler handler, boolean replay) {
        CloudEvent envelope = decodeEnvelope(record);
        Optional<EventType> type = EventType.byName(envelope.type());
        if (type.isEmpty()) {
            Log.infof("%s skips event %s of unknown type %s", consumerName, envelope.id(), envelope.type());
            return ConsumeOutcome.UNKNOWN_TYPE;
        }
        ReceivedEvent event = new ReceivedEvent(envelope, decodePayload(type.get(), envelope, record),
                record.topic(), record.partition(), record.offset());
        Span.current().setAttribute("messaging.message.id", event.id());
        ConsumeOutcome outcome = untilDone(consumerName, event.id(), () -> QuarkusTransaction.requiringNew().call(() -> {
            switch (inbox.claim(consumerName, event.id(), event.type(), replay, event.topic(), event.partition())) {
                case APPLIED_BEFORE:
                    return ConsumeOutcome.DUPLICATE;
                case DEAD_LETTERED_BEFORE:
                    return ConsumeOutcome.ALREADY_DEAD_LETTERED;
                case NEW:
                default:
                    handler.handle(event);
                    return ConsumeOutcome.APPLIED;
            }
        }));
        if (outcome == ConsumeOutcome.APPLIED) {
            Log.infof("%s applied %s %s", consumerName, event.type(), event.id());
        } else if (outcome == ConsumeOutcome.ALREADY_DEAD_LETTERED) {
            Log.infof("%s skips event %s: set aside on %s before; the dead-letter replay applies it", consumerName,
                    event.id(), deadLetters.topic());
        }
        return outcome;
    }

    /** Runs one transactional step until it succeeds: poison and a stop go through, every other failure is retried. */
    private ConsumeOutcome untilDone(String consumerName, String eventId, Supplier<ConsumeOutcome> step) {
        Duration backoff = config.retryBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (RuntimeException e) {
                PoisonMessageException poison = causeOfType(e, PoisonMessageException.class);
                if (poison != null) {
                    throw poison;
                }
                ConsumptionStoppedException stopped = causeOfType(e, ConsumptionStoppedException.class);
                if (stopped != null) {
                    throw stopped;
                }
                boolean transientFailure = TransientFailures.isTransient(e);
                meters.counter("govtech.inbox.retries", "consumer", consumerName,
                        "kind", transientFailure ? "transient" : "unexpected").increment();
                if (transientFailure) {
                    Log.warnf("%s could not apply event %s (attempt %d), retrying in %s: %s",
                            consumerName, eventId, attempt, backoff, e);
                } else {
                    Log.errorf(e, "%s failed to apply event %s (attempt %d), retrying in %s; the partition waits until it "
                            + "succeeds (throw PoisonMessageException for events that can never be applied)",
                            consumerName, eventId, attempt, backoff);
                }
                pause(backoff, consumerName, eventId, e);
                backoff = min(backoff.multipliedBy(2), config.maxBackoff());
            }
        }
    }

    /** The handler's own verdict (poison) or a stop, possibly wrapped by the transaction. */
    private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private void pause(Duration duration, String consumerName, String eventId, RuntimeException failure) {
        if (stopping) {
            throw new ConsumptionStoppedException("%s stops before applying event %s: shutting down"
                    .formatted(consumerName, eventId), failure);
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsumptionStoppedException("%s was interrupted before applying event %s"
                    .formatted(consumerName, eventId), e);
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
