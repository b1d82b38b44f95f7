package de.govtech.learning.members;

import de.govtech.platform.messaging.inbox.EventHandler;
import de.govtech.platform.messaging.inbox.IdempotentConsumer;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes membership.events exactly once per event (inbox) into the member projection; poison → dead letter.
 * Started eagerly so a dead-letter replay right after a restart finds its handler.
 */
@ApplicationScoped
@Startup
public class MembershipEventsConsumer {

    static final String CONSUMER = "learning.members";

    private final IdempotentConsumer consumer;
    private final EventHandler handler;

    public MembershipEventsConsumer(IdempotentConsumer consumer, MemberProjection projection) {
        this.consumer = consumer;
        this.handler = event -> projection.apply(event.payload());
        consumer.register(CONSUMER, handler);
    }

    @Incoming("membership-events")
    @Blocking
    public void onMembershipEvent(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, handler);
    }
}
