package de.govtech.marketplace.offerings;

import de.govtech.platform.messaging.inbox.EventHandler;
import de.govtech.platform.messaging.inbox.ReceivedEvent;
import de.govtech.platform.messaging.inbox.Subscribes;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumes solutions.events exactly once per event (inbox) into the association offerings; poison → dead letter.
 * Started with the application by platform-messaging: its subscription's polling thread applies each record itself.
 */
@ApplicationScoped
@Subscribes(subscription = "solutions-events", consumer = "marketplace.offerings")
public class SolutionsEventsConsumer implements EventHandler {

    private final OfferingProjection projection;

    SolutionsEventsConsumer(OfferingProjection projection) {
        this.projection = projection;
    }

    @Override
    public void handle(ReceivedEvent event) {
        projection.apply(event.payload());
    }
}
