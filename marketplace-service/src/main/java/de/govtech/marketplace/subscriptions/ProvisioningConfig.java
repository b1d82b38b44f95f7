package de.govtech.marketplace.subscriptions;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the provisioning worker ({@code govtech.marketplace.provisioning.*}). */
@ConfigMapping(prefix = "govtech.marketplace.provisioning")
public interface ProvisioningConfig {

    /** Run the worker on this instance. */
    @WithDefault("true")
    boolean workerEnabled();

    /** How often the worker looks for due subscriptions (a Quarkus scheduler interval such as {@code 1s}). */
    @WithDefault("1s")
    String workerInterval();

    /** Subscriptions one worker run claims at most. */
    @WithDefault("10")
    int batchSize();

    /** How long a claim is exclusive; must exceed the longest broker call. */
    @WithDefault("60s")
    Duration leaseDuration();

    /** Connect and request timeout of one broker call. */
    @WithDefault("10s")
    Duration httpTimeout();

    /** Polling interval when the broker sends no Retry-After. */
    @WithDefault("5s")
    Duration pollInterval();

    /** Retry-After is honoured within these bounds. */
    @WithDefault("1s")
    Duration minPollInterval();

    @WithDefault("5m")
    Duration maxPollInterval();

    /** Longest polling of one operation when the broker's catalog plan has no maximum_polling_duration. */
    @WithDefault("30m")
    Duration maxPollingDuration();

    /** First pause after a failed call, doubled per attempt up to max-backoff. */
    @WithDefault("5s")
    Duration retryBackoff();

    @WithDefault("10m")
    Duration maxBackoff();

    /** Attempts at reading the catalog, and at deleting an orphan, before giving up. */
    @WithDefault("5")
    int maxAttempts();
}
