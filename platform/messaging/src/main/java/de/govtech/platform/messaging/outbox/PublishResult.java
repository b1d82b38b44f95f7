package de.govtech.platform.messaging.outbox;

import java.util.List;

/**
 * What one publish attempt did: the records Kafka acknowledged (to be marked published) and the records whose send
 * failed. Records after a failed one of the same aggregate were not handed to the producer and appear in neither list.
 */
public record PublishResult(List<OutboxRecord> published, List<Failure> failures) {

    public PublishResult {
        published = List.copyOf(published);
        failures = List.copyOf(failures);
    }

    /**
     * A send that failed.
     *
     * @param permanent the record can never be sent as it is (too large, invalid topic, not serialisable): retrying
     *                  would only block its aggregate, so it is parked
     */
    public record Failure(OutboxRecord record, Throwable error, boolean permanent) {
    }
}
