package de.govtech.platform.messaging.inbox;

/**
 * Consumption of a record stopped before it was applied or set aside (the application is shutting down, or the
 * dead-letter topic could not be written). Thrown out of the {@code @Incoming} method with the channel's
 * {@code failure-strategy=fail}: the offset is not committed, the channel reports itself failed in the health
 * checks, and the record is delivered again after a restart.
 */
public class ConsumptionStoppedException extends RuntimeException {

    public ConsumptionStoppedException(String message, Throwable cause) {
        super(message, cause);
    }
}
