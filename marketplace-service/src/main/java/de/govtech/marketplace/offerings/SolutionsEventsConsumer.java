package de.govtech.marketplace.offerings;

import de.govtech.platform.messaging.inbox.InboxSubscriber;
import de.govtech.platform.messaging.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumes solutions.events exactly once per event (inbox) into the association offerings; poison → dead letter.
 * A subscriber of platform-messaging, started with the application: its subscription's polling thread applies each
 * record itself.
 */
@ApplicationScoped
public class SolutionsEventsConsumer implements InboxSubscriber {

    static final String CONSUMER = "marketplace.offerings";
    /** {@code govtech.subscriptions.solutions-events.*} in application.properties. */
    static final String SUBSCRIPTION = "solutions-events";

    private final OfferingProjection projection;

    SolutionsEventsConsumer(OfferingProjection projection) {
        this.projection = projection;
    }

    @Override
    public String subscription() {
        return SUBSCRIPTION;
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public void handle(ReceivedEvent event) {
        projection.apply(event.payload());
    }
}
