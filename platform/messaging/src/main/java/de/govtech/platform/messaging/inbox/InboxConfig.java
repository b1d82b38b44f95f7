package de.govtech.platform.messaging.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of event consumption ({@code govtech.inbox.*}). */
@ConfigMapping(prefix = "govtech.inbox")
public interface InboxConfig {

    /** Attempts to apply one event before it is treated as poison and sent to the dead-letter topic. */
    @WithDefault("3")
    int maxAttempts();

    /** Pause before the second attempt; doubled for each further one. */
    @WithDefault("200ms")
    Duration retryBackoff();
}
