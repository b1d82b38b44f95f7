package de.govtech.platform.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A platform event in the CloudEvents 1.0 model ({@code specversion} is always {@code 1.0}).
 *
 * @param id              unique event id, a UUID in canonical lower-case form; consumers deduplicate on it
 * @param source          URI reference of the producing service, e.g. {@code /membership-service}
 * @param type            event type name, e.g. {@code de.govtech.membership.member-joined.v1}
 * @param subject         id of the aggregate the event is about; also the Kafka record key
 * @param time            when the change happened, normalised to UTC
 * @param dataContentType always {@code application/json} on this platform
 * @param data            the payload as JSON (treat as read-only)
 */
public record CloudEvent(
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String dataContentType,
        JsonNode data) {

    public CloudEvent {
        id = requireText(id, "id");
        try {
            id = UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CloudEvent id must be a UUID, was '" + id + "'", e);
        }
        source = requireText(source, "source");
        try {
            new URI(source);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("CloudEvent source must be a URI reference, was '" + source + "'", e);
        }
        type = requireText(type, "type");
        subject = requireText(subject, "subject");
        Objects.requireNonNull(time, "CloudEvent time is required");
        time = time.withOffsetSameInstant(ZoneOffset.UTC);
        dataContentType = dataContentType == null ? CloudEventHeaders.APPLICATION_JSON : dataContentType;
        Objects.requireNonNull(data, "CloudEvent data is required");
    }

    /** A new event for {@code payload} with a random id, the current time, and type, source and subject from the registry. */
    public static CloudEvent of(EventPayload payload) {
        return of(payload, UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** An event for {@code payload} with a given id and time (e.g. taken from an outbox row). */
    public static CloudEvent of(EventPayload payload, UUID id, OffsetDateTime time) {
        EventType type = EventType.of(payload.getClass());
        return new CloudEvent(id.toString(), type.source(), type.typeName(), payload.aggregateId(), time,
                CloudEventHeaders.APPLICATION_JSON, EventJson.toTree(payload));
    }

    public String specVersion() {
        return CloudEventHeaders.SPEC_VERSION_1_0;
    }

    public UUID idAsUuid() {
        return UUID.fromString(id);
    }

    /** The registered type, empty if this library does not know {@link #type()} (e.g. a newer producer's type). */
    public Optional<EventType> eventType() {
        return EventType.byName(type);
    }

    /** The payload as its registered record; throws {@link UnknownEventTypeException} for an unknown type. */
    public EventPayload payload() {
        return EventJson.fromTree(data, EventType.forName(type).payloadClass());
    }

    /** The payload as {@code payloadClass}; throws if the event is of another type. */
    public <T extends EventPayload> T payload(Class<T> payloadClass) {
        EventType expected = EventType.of(payloadClass);
        if (!expected.typeName().equals(type)) {
            throw new IllegalArgumentException("event " + id + " is of type " + type + ", not " + expected.typeName());
        }
        return EventJson.fromTree(data, payloadClass);
    }

    /** The data as JSON bytes (the Kafka record value). */
    public byte[] dataBytes() {
        return EventJson.toBytes(data);
    }

    private static String requireText(String value, String attribute) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("CloudEvent " + attribute + " is required");
        }
        return value;
    }
}
