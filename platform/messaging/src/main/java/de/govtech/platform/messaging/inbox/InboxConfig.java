package de.govtech.platform.messaging.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Settings of event consumption ({@code govtech.inbox.*}). */
@ConfigMapping(prefix = "govtech.inbox")
public interface InboxConfig {

    /** Pause before the second attempt to apply an event; doubled for each further one up to {@link #maxBackoff()}. */
    @WithDefault("200ms")
    Duration retryBackoff();

    /** Longest pause between two attempts; a failing event is retried at this pace for as long as it fails. */
    @WithDefault("30s")
    Duration maxBackoff();

    /**
     * Topic for poison records; by default the dead-letter topic of the service's area, derived from
     * {@code quarkus.application.name} ({@code marketplace-service} → {@code marketplace.dead-letter}).
     */
    Optional<String> deadLetterTopic();

    /**
     * Inbox entries older than this are deleted. A redelivery older than this would be applied again, so keep it
     * longer than any topic replay you would run without a fresh database.
     */
    @WithDefault("P30D")
    Duration retainProcessed();

    /** How long sending a poison record to the dead-letter topic may take before consumption stops. */
    @WithDefault("15s")
    Duration deadLetterTimeout();
}
