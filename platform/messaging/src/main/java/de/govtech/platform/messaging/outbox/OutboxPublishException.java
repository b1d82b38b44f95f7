package de.govtech.platform.messaging.outbox;

/** A batch could not be published to Kafka; the rows stay unpublished and are retried. */
public class OutboxPublishException extends Exception {

    public OutboxPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
