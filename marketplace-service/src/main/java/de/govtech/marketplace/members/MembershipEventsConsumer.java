package de.govtech.marketplace.members;

import de.govtech.platform.messaging.inbox.EventHandler;
import de.govtech.platform.messaging.inbox.ReceivedEvent;
import de.govtech.platform.messaging.inbox.Subscribes;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumes membership.events exactly once per event (inbox) into the member projection; poison → dead letter.
 * Started with the application by platform-messaging: its subscription's polling thread applies each record itself
 * (no hand-over to a worker).
 */
@ApplicationScoped
@Subscribes(subscription = "membership-events", consumer = "marketplace.members")
public class MembershipEventsConsumer implements EventHandler {

    private final MemberProjection projection;

    public MembershipEventsConsumer(MemberProjection projection) {
        this.projection = projection;
    }

    @Override
    public void handle(ReceivedEvent event) {
        projection.apply(event.payload());
    }
}
