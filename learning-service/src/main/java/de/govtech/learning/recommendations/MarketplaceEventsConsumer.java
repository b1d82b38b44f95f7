package de.govtech.learning.recommendations;

import de.govtech.platform.events.EventPayload;
import de.govtech.platform.events.marketplace.AppDeprovisioned;
import de.govtech.platform.events.marketplace.AppProvisioned;
import de.govtech.platform.messaging.inbox.InboxSubscriber;
import de.govtech.platform.messaging.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumes app-provisioned / app-deprovisioned from marketplace.events exactly once (inbox); poison → dead letter.
 * A subscriber of platform-messaging, started with the application (so a dead-letter replay right after a restart
 * finds its handler).
 */
@ApplicationScoped
public class MarketplaceEventsConsumer implements InboxSubscriber {

    static final String CONSUMER = "learning.apps";
    /** {@code govtech.subscriptions.marketplace-events.*} in application.properties. */
    static final String SUBSCRIPTION = "marketplace-events";

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
        apply(event.payload());
    }

    static void apply(EventPayload payload) {
        if (payload instanceof AppProvisioned provisioned && ProvisionedApp.findById(provisioned.subscriptionId()) == null) {
            ProvisionedApp app = new ProvisionedApp();
            app.subscriptionId = provisioned.subscriptionId();
            app.appId = provisioned.appId();
            app.municipalityId = provisioned.municipalityId();
            app.provisionedAt = provisioned.provisionedAt();
            app.persist();
        } else if (payload instanceof AppDeprovisioned deprovisioned) {
            ProvisionedApp.deleteById(deprovisioned.subscriptionId());
        }
    }
}
