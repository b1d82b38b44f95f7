package de.govtech.platform.messaging.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of the outbox as the relay reads it. */
public record OutboxRecord(
        long id,
        UUID eventId,
        String eventType,
        String source,
        String topic,
        String aggregateId,
        OffsetDateTime occurredAt,
        String payloadJson) {
}
