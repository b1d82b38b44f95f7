package de.govtech.platform.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Implemented by every event payload record. The aggregate id becomes the CloudEvents {@code subject} and the
 * Kafka record key, so all events of one aggregate land on one partition and stay in order.
 */
public interface EventPayload {

    /** Id of the aggregate this event is about (a UUID in text form). Not part of the serialized payload. */
    @JsonIgnore
    String aggregateId();

    /** The registered type of this payload. */
    @JsonIgnore
    default EventType eventType() {
        return EventType.of(getClass());
    }
}
