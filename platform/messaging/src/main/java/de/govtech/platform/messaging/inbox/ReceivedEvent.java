package de.govtech.platform.messaging.inbox;

import de.govtech.platform.events.CloudEvent;
import de.govtech.platform.events.EventPayload;

/** An event as a consumer sees it: its CloudEvents envelope, its typed payload and where it came from. */
public record ReceivedEvent(CloudEvent envelope, EventPayload payload, String topic, int partition, long offset) {

    public String id() {
        return envelope.id();
    }

    public String type() {
        return envelope.type();
    }

    public <T extends EventPayload> T payload(Class<T> type) {
        return type.cast(payload);
    }
}
