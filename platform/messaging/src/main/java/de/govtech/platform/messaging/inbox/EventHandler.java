package de.govtech.platform.messaging.inbox;

/** Applies one event; runs inside the transaction that also records the event in the inbox. */
@FunctionalInterface
public interface EventHandler {

    void handle(ReceivedEvent event) throws Exception;
}
