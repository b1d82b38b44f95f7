package de.govtech.marketplace.offerings;

import de.govtech.platform.messaging.inbox.InboxSubscriptions;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Consumes solutions.events exactly once per event (inbox) into the association offerings; poison → dead letter.
 * A subscription of platform-messaging: its polling thread applies each record itself.
 */
@ApplicationScoped
public class SolutionsEventsConsumer {

    static final String CONSUMER = "marketplace.offerings";
    /** {@code govtech.subscriptions.solutions-events.*} in application.properties. */
    static final String SUBSCRIPTION = "solutions-events";

    private final InboxSubscriptions subscriptions;
    private final OfferingProjection projection;

    SolutionsEventsConsumer(InboxSubscriptions subscriptions, OfferingProjection projection) {
        this.subscriptions = subscriptions;
        this.projection = projection;
    }

    void start(@Observes StartupEvent started) {
        subscriptions.start(SUBSCRIPTION, CONSUMER, event -> projection.apply(event.payload()));
    }
}
