package de.govtech.platform.messaging.inbox;

/**
 * A consumer that the platform subscribes at startup: {@link InboxSubscriptions} starts the subscription
 * {@link #subscription()} for every bean of this type, applying each record through the inbox as {@link #consumer()}
 * with {@link #handle}. What {@link InboxSubscriptions#start(String, String, EventHandler)} does, without the wiring.
 *
 * <pre>{@code
 * @ApplicationScoped
 * class MembershipEventsConsumer implements InboxSubscriber {
 *     public String subscription() { return "membership-events"; }   // govtech.subscriptions.membership-events.*
 *     public String consumer() { return "marketplace.members"; }      // its entries in the inbox
 *     public void handle(ReceivedEvent event) { projection.apply(event.payload()); }
 * }
 * }</pre>
 */
public interface InboxSubscriber extends EventHandler {

    /** The subscription's name: its settings are {@code govtech.subscriptions.<name>.*}. */
    String subscription();

    /** The inbox consumer's name: its entries in the inbox, and the {@code dead-letter-consumer} of its poison. */
    String consumer();
}
