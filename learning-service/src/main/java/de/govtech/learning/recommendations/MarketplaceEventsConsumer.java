package de.govtech.learning.recommendations;

import de.govtech.platform.events.EventPayload;
import de.govtech.platform.events.marketplace.AppDeprovisioned;
import de.govtech.platform.events.marketplace.AppProvisioned;
import de.govtech.platform.messaging.inbox.EventHandler;
import de.govtech.platform.messaging.inbox.ReceivedEvent;
import de.govtech.platform.messaging.inbox.Subscribes;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumes app-provisioned / app-deprovisioned from marketplace.events exactly once (inbox); poison → dead letter.
 * Started with the application by platform-messaging (so a dead-letter replay right after a restart finds its
 * handler).
 */
@ApplicationScoped
@Subscribes(subscription = "marketplace-events", consumer = "learning.apps")
public class MarketplaceEventsConsumer implements EventHandler {

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
