package de.govtech.platform.messaging.inbox;

/**
 * A record that can never be applied: not a CloudEvent, data that breaks its contract, or an event the handler
 * declares permanently unacceptable (a handler throws this itself for that). {@link IdempotentConsumer} sets such a
 * record aside on the dead-letter topic and the partition moves on; every other failure is retried in place.
 */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message) {
        super(message);
    }

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
