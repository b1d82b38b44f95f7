package de.govtech.platform.messaging.inbox;

/**
 * A record that cannot be applied: undecodable, or failing after every retry. Thrown out of an
 * {@code @Incoming} method it nacks the message, and the channel's {@code dead-letter-queue} failure
 * strategy moves it to the dead-letter topic so the partition moves on.
 */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
