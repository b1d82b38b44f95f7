package de.govtech.solutions.members;

import de.govtech.platform.messaging.inbox.InboxSubscriptions;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Consumes membership.events exactly once per event (inbox) into the member projection; poison → dead letter.
 * A subscription of platform-messaging: its polling thread applies each record itself (no hand-over to a worker).
 */
@ApplicationScoped
class MembershipEventsConsumer {

    static final String CONSUMER = "solutions.members";
    /** {@code govtech.subscriptions.membership-events.*} in application.properties. */
    static final String SUBSCRIPTION = "membership-events";

    private final InboxSubscriptions subscriptions;
    private final MemberProjection projection;

    MembershipEventsConsumer(InboxSubscriptions subscriptions, MemberProjection projection) {
        this.subscriptions = subscriptions;
        this.projection = projection;
    }

    void start(@Observes StartupEvent started) {
        subscriptions.start(SUBSCRIPTION, CONSUMER, event -> projection.apply(event.payload()));
    }
}
