package de.govtech.platform.messaging.inbox;

import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Subscribes an {@link EventHandler} bean to a Kafka subscription: {@link InboxSubscriptions} starts the subscription
 * at startup and applies each record through the inbox as {@link #consumer()}.
 *
 * <pre>{@code
 * @ApplicationScoped
 * @Subscribes(subscription = "membership-events", consumer = "marketplace.members")
 * class MembershipEventsConsumer implements EventHandler {
 *     public void handle(ReceivedEvent event) { projection.apply(event.payload()); }
 * }
 * }</pre>
 *
 * A CDI qualifier, so the platform reads it from the bean's metadata (a producer method of an {@code EventHandler} may
 * carry it too); its members do not take part in resolution. A handler without it, with a blank name, a second handler
 * of a subscription or of a consumer, or a subscription without {@code topics} and {@code group-id} fails the start.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
public @interface Subscribes {

    /** The subscription's name: its settings are {@code govtech.subscriptions.<name>.*}. */
    @Nonbinding
    String subscription();

    /** The inbox consumer's name: its entries in the inbox, and the {@code dead-letter-consumer} of its poison. */
    @Nonbinding
    String consumer();
}
