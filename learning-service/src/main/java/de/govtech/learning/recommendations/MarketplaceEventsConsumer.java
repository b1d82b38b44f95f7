package de.govtech.learning.recommendations;

import de.govtech.platform.events.EventPayload;
import de.govtech.platform.events.marketplace.AppDeprovisioned;
import de.govtech.platform.events.marketplace.AppProvisioned;
import de.govtech.platform.messaging.inbox.EventHandler;
import de.govtech.platform.messaging.inbox.IdempotentConsumer;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes app-provisioned / app-deprovisioned from marketplace.events exactly once (inbox); poison → dead letter.
 * Started eagerly so a dead-letter replay right after a restart finds its handler.
 */
@ApplicationScoped
@Startup
public class MarketplaceEventsConsumer {

    static final String CONSUMER = "learning.apps";
    private static final EventHandler HANDLER = event -> apply(event.payload());

    private final IdempotentConsumer consumer;

    public MarketplaceEventsConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
        consumer.register(CONSUMER, HANDLER);
    }

    @Incoming("marketplace-events")
    @Blocking
    public void onMarketplaceEvent(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, HANDLER);
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
