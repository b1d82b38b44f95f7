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

    /**
     * How long a claim is exclusive. Renewed (with the database clock) right before every broker call, so it must
     * exceed {@link #callDeadline()}.
     */
    @WithDefault("60s")
    Duration leaseDuration();

    /** Connect timeout of one broker call. */
    @WithDefault("10s")
    Duration httpTimeout();

    /** Hard limit of one broker call, from connecting to the last byte of the body. */
    @WithDefault("30s")
    Duration callDeadline();

    /** A broker answer with a longer body is a failed call ("response too large"). */
    @WithDefault("65536")
    int maxResponseBytes();

    /**
     * Broker calls running at once on one instance; a hanging broker occupies at most its own share of them. With
     * {@link #concurrencyPerBroker()} this decides how many brokers may hang at once while the others are still
     * served: {@code (concurrency - 1) / concurrency-per-broker} (15 with the defaults).
     */
    @WithDefault("32")
    int concurrency();

    /**
     * Broker calls running at once to one broker (by URL) on one instance, so one vendor's many, slow or hanging calls
     * leave slots for the others.
     */
    @WithDefault("2")
    int concurrencyPerBroker();

    /** Unconfirmed orphan deletions are alerted (error log, metric) after this many attempts; they never stop. */
    @WithDefault("10")
    int orphanAlertAfter();

    /** How often subscriptions of members who have left are looked for (a Quarkus scheduler interval). */
    @WithDefault("60s")
    String reconcileInterval();

    /** How often subscriptions are counted per state for the govtech_marketplace_subscriptions gauge (a scheduler interval). */
    @WithDefault("30s")
    String subscriptionCountInterval();

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

    /** Attempts at reading the catalog, and at a provision answered with 408, before giving up. */
    @WithDefault("5")
    int maxAttempts();
}
