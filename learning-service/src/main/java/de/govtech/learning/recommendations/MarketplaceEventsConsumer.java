package de.govtech.learning.recommendations;

import de.govtech.platform.events.EventPayload;
import de.govtech.platform.events.marketplace.AppDeprovisioned;
import de.govtech.platform.events.marketplace.AppProvisioned;
import de.govtech.platform.messaging.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes app-provisioned / app-deprovisioned from marketplace.events exactly once (inbox); poison → dead letter. */
@ApplicationScoped
public class MarketplaceEventsConsumer {

    static final String CONSUMER = "learning.apps";

    private final IdempotentConsumer consumer;

    public MarketplaceEventsConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("marketplace-events")
    @Blocking
    public void onMarketplaceEvent(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, event -> apply(event.payload()));
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
