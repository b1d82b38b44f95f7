package de.govtech.platform.messaging.outbox;

import de.govtech.platform.events.EventJson;
import de.govtech.platform.events.EventPayload;
import de.govtech.platform.events.EventType;
import de.govtech.platform.messaging.tracing.TraceContext;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** One row of the outbox as the relay reads it, with the trace context of the transaction that wrote it. */
public record OutboxRecord(
        long id,
        UUID eventId,
        String eventType,
        String source,
        String topic,
        String aggregateId,
        OffsetDateTime occurredAt,
        String payloadJson,
        TraceContext traceContext) {

    public OutboxRecord {
        traceContext = traceContext == null ? TraceContext.NONE : traceContext;
    }

    /** A row outside any trace. */
    public OutboxRecord(long id, UUID eventId, String eventType, String source, String topic, String aggregateId,
                        OffsetDateTime occurredAt, String payloadJson) {
        this(id, eventId, eventType, source, topic, aggregateId, occurredAt, payloadJson, TraceContext.NONE);
    }

    /**
     * A new, not yet stored row for {@code payload}: a random event id, now (UTC), and type, source, topic and
     * aggregate id from the contracts' registry, and the trace context of the current span. Tests use it too, to
     * put events on a topic as a producer would.
     */
    public static OutboxRecord of(EventPayload payload) {
        EventType type = payload.eventType();
        return new OutboxRecord(0, UUID.randomUUID(), type.typeName(), type.source(), type.topic(), payload.aggregateId(),
                OffsetDateTime.now(ZoneOffset.UTC), new String(EventJson.toBytes(payload), StandardCharsets.UTF_8),
                TraceContext.current());
    }
}
