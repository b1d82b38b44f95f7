package de.govtech.platform.messaging.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the outbox relay ({@code govtech.outbox.*}). */
@ConfigMapping(prefix = "govtech.outbox")
public interface OutboxConfig {

    /** Whether this instance relays the outbox to Kafka (writing to the outbox works either way). */
    @WithDefault("true")
    boolean relayEnabled();

    /** How long the relay sleeps when the outbox is empty; a commit that wrote events wakes it earlier. */
    @WithDefault("250ms")
    Duration pollInterval();

    /** Rows published per relay transaction. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for Kafka to acknowledge a batch before it gives up and retries. */
    @WithDefault("15s")
    Duration sendTimeout();

    /** Upper bound of the back-off between attempts while Kafka is unreachable. */
    @WithDefault("5s")
    Duration maxBackoff();

    /**
     * A row whose send failed this many times while other events of the same attempt reached Kafka (so Kafka is
     * there, this event is the problem: e.g. its topic does not exist) is parked, so it blocks nothing.
     */
    @WithDefault("20")
    int parkAfterAttempts();

    /** Readiness reports DOWN while the oldest unpublished event is older than this (Kafka gone for that long). */
    @WithDefault("15m")
    Duration backlogAlarm();

    /** Published rows older than this are deleted. */
    @WithDefault("P7D")
    Duration retainPublished();
}
