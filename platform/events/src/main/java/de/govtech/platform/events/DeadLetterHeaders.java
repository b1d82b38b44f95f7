package de.govtech.platform.events;

/**
 * Extra headers on a record in a dead-letter topic. The record keeps the original key, value and {@code ce_*}
 * headers; these say where it came from and why it was set aside. The names are those SmallRye Reactive
 * Messaging's Kafka dead-letter strategy writes, so both ways of dead-lettering look alike.
 */
public final class DeadLetterHeaders {

    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String EXCEPTION_CLASS_NAME = "dead-letter-exception-class-name";
    public static final String CAUSE_CLASS_NAME = "dead-letter-cause-class-name";
    /** The topic the record was originally consumed from. */
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    /** The consumer (inbox name, e.g. {@code marketplace.members}) that set the record aside; replay hands it back to it. */
    public static final String CONSUMER = "dead-letter-consumer";

    private DeadLetterHeaders() {
    }
}
