package de.govtech.platform.events;

/**
 * A record that is not a valid platform CloudEvent (a required attribute missing or malformed, or data that is not
 * JSON). A consumer cannot process it and should send it to its dead-letter topic.
 */
public class InvalidCloudEventException extends RuntimeException {

    private final String attribute;

    public InvalidCloudEventException(String attribute, String message) {
        super(message);
        this.attribute = attribute;
    }

    public InvalidCloudEventException(String attribute, String message, Throwable cause) {
        super(message, cause);
        this.attribute = attribute;
    }

    /** The offending header or attribute, e.g. {@code ce_id}, or {@code data}. */
    public String attribute() {
        return attribute;
    }
}
