package de.govtech.deploy.samplebroker;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SampleBroker} runs.
 *
 * @param port              0 = a free port
 * @param username          HTTP basic auth user the platform must send
 * @param password          its password
 * @param provisionDelay    how long an asynchronous provision stays "in progress"
 * @param deprovisionDelay  how long an asynchronous deprovision stays "in progress"
 * @param retryAfterSeconds the {@code Retry-After} header of {@code last_operation} while in progress
 * @param catalog           the services and plans offered
 */
public record SampleBrokerSettings(int port, String username, String password, Duration provisionDelay,
                                   Duration deprovisionDelay, int retryAfterSeconds, Catalog catalog) {

    public SampleBrokerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        requireText(username, "username");
        requireText(password, "password");
        requireNotNegative(provisionDelay, "provisionDelay");
        requireNotNegative(deprovisionDelay, "deprovisionDelay");
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative");
        }
        Objects.requireNonNull(catalog, "catalog");
    }

    /** Port 0, user "broker" / "broker-secret", provision 2 s, deprovision 1 s, Retry-After 1 s, {@link Catalog#demo()}. */
    public static SampleBrokerSettings defaults() {
        return new SampleBrokerSettings(0, "broker", "broker-secret", Duration.ofSeconds(2), Duration.ofSeconds(1), 1,
                Catalog.demo());
    }

    public SampleBrokerSettings withPort(int newPort) {
        return new SampleBrokerSettings(newPort, username, password, provisionDelay, deprovisionDelay, retryAfterSeconds, catalog);
    }

    public SampleBrokerSettings withUsername(String newUsername) {
        return new SampleBrokerSettings(port, newUsername, password, provisionDelay, deprovisionDelay, retryAfterSeconds, catalog);
    }

    public SampleBrokerSettings withPassword(String newPassword) {
        return new SampleBrokerSettings(port, username, newPassword, provisionDelay, deprovisionDelay, retryAfterSeconds, catalog);
    }

    public SampleBrokerSettings withProvisionDelay(Duration delay) {
        return new SampleBrokerSettings(port, username, password, delay, deprovisionDelay, retryAfterSeconds, catalog);
    }

    public SampleBrokerSettings withDeprovisionDelay(Duration delay) {
        return new SampleBrokerSettings(port, username, password, provisionDelay, delay, retryAfterSeconds, catalog);
    }

    public SampleBrokerSettings withRetryAfterSeconds(int seconds) {
        return new SampleBrokerSettings(port, username, password, provisionDelay, deprovisionDelay, seconds, catalog);
    }

    public SampleBrokerSettings withCatalog(Catalog newCatalog) {
        return new SampleBrokerSettings(port, username, password, provisionDelay, deprovisionDelay, retryAfterSeconds, newCatalog);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requireNotNegative(Duration value, String name) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or positive");
        }
    }
}
