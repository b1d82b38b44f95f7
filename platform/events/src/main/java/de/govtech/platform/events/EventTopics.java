package de.govtech.platform.events;

/**
 * Kafka topic names of the platform, as compile-time constants so they can be used in annotations and
 * configuration defaults. One event topic per producing service, one dead-letter topic per consuming service.
 */
public final class EventTopics {

    public static final String MEMBERSHIP_EVENTS = "membership.events";
    public static final String LEARNING_EVENTS = "learning.events";
    public static final String SOLUTIONS_EVENTS = "solutions.events";
    public static final String MARKETPLACE_EVENTS = "marketplace.events";

    public static final String MEMBERSHIP_DEAD_LETTER = "membership.dead-letter";
    public static final String LEARNING_DEAD_LETTER = "learning.dead-letter";
    public static final String SOLUTIONS_DEAD_LETTER = "solutions.dead-letter";
    public static final String MARKETPLACE_DEAD_LETTER = "marketplace.dead-letter";

    private EventTopics() {
    }
}
