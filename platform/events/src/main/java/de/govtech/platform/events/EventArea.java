package de.govtech.platform.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * A producing area of the platform: one service, one event topic, one CloudEvents {@code source}, and one
 * dead-letter topic for the poison messages that service's consumers set aside.
 */
public enum EventArea {

    MEMBERSHIP("membership", EventTopics.MEMBERSHIP_EVENTS, EventTopics.MEMBERSHIP_DEAD_LETTER),
    LEARNING("learning", EventTopics.LEARNING_EVENTS, EventTopics.LEARNING_DEAD_LETTER),
    SOLUTIONS("solutions", EventTopics.SOLUTIONS_EVENTS, EventTopics.SOLUTIONS_DEAD_LETTER),
    MARKETPLACE("marketplace", EventTopics.MARKETPLACE_EVENTS, EventTopics.MARKETPLACE_DEAD_LETTER);

    private final String areaName;
    private final String topic;
    private final String deadLetterTopic;

    EventArea(String areaName, String topic, String deadLetterTopic) {
        this.areaName = areaName;
        this.topic = topic;
        this.deadLetterTopic = deadLetterTopic;
    }

    /** Short name, e.g. {@code membership}; also the middle part of the event type names. */
    public String areaName() {
        return areaName;
    }

    /** The service producing this area's events, e.g. {@code membership-service}. */
    public String serviceName() {
        return areaName + "-service";
    }

    /** CloudEvents {@code source} of this area's events, e.g. {@code /membership-service}. */
    public String source() {
        return "/" + serviceName();
    }

    /** Topic the service publishes its events to, e.g. {@code membership.events}. */
    public String topic() {
        return topic;
    }

    /** Topic the service's consumers send poison messages to, e.g. {@code membership.dead-letter}. */
    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    /** Prefix of this area's event type names, e.g. {@code de.govtech.membership.}. */
    public String typePrefix() {
        return "de.govtech." + areaName + ".";
    }

    public static Optional<EventArea> byTopic(String topic) {
        return Arrays.stream(values()).filter(a -> a.topic.equals(topic)).findFirst();
    }

    public static Optional<EventArea> bySource(String source) {
        return Arrays.stream(values()).filter(a -> a.source().equals(source)).findFirst();
    }
}
