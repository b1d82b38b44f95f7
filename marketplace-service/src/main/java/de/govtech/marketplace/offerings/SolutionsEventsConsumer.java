package de.govtech.marketplace.offerings;

import de.govtech.platform.messaging.inbox.EventHandler;
import de.govtech.platform.messaging.inbox.IdempotentConsumer;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes solutions.events exactly once per event (inbox) into the association offerings; poison → dead letter. */
@ApplicationScoped
@Startup
public class SolutionsEventsConsumer {

    static final String CONSUMER = "marketplace.offerings";

    private final IdempotentConsumer consumer;
    private final EventHandler handler;

    SolutionsEventsConsumer(IdempotentConsumer consumer, OfferingProjection projection) {
        this.consumer = consumer;
        this.handler = event -> projection.apply(event.payload());
        consumer.register(CONSUMER, handler);
    }

    @Incoming("solutions-events")
    @Blocking
    public void onSolutionsEvent(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, handler);
    }
}
