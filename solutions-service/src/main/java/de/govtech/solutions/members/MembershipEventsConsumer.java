package de.govtech.solutions.members;

import de.govtech.platform.messaging.inbox.InboxSubscriber;
import de.govtech.platform.messaging.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumes membership.events exactly once per event (inbox) into the member projection; poison → dead letter.
 * A subscriber of platform-messaging, started with the application: its subscription's polling thread applies each
 * record itself (no hand-over to a worker).
 */
@ApplicationScoped
class MembershipEventsConsumer implements InboxSubscriber {

    static final String CONSUMER = "solutions.members";
    /** {@code govtech.subscriptions.membership-events.*} in application.properties. */
    static final String SUBSCRIPTION = "membership-events";

    private final MemberProjection projection;

    MembershipEventsConsumer(MemberProjection projection) {
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
