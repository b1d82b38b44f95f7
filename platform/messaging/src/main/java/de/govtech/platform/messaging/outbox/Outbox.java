package de.govtech.platform.messaging.outbox;

import de.govtech.platform.events.EventPayload;
import de.govtech.platform.events.EventSchemas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The only way a service emits an event: {@link #append} writes it into the outbox inside the caller's
 * transaction, so the event exists exactly when the state change it announces was committed.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();

    private final OutboxRepository repository;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    public Outbox(OutboxRepository repository, OutboxRelay relay, TransactionSynchronizationRegistry transactions) {
        this.repository = repository;
        this.relay = relay;
        this.transactions = transactions;
    }

    /**
     * Appends an event to the outbox in the current transaction.
     *
     * @return the CloudEvents id the event will carry
     * @throws de.govtech.platform.events.EventSchemaViolationException when the payload breaks its JSON Schema
     * @throws IllegalStateException when called outside a transaction (the event could not commit with its change)
     */
    public UUID append(EventPayload payload) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Events are written in the transaction of their state change; none is active");
        }
        OutboxRecord record = OutboxRecord.of(payload);
        EventSchemas.requireValid(record.eventType(), record.payloadJson().getBytes(StandardCharsets.UTF_8));
        repository.insert(record);
        wakeRelayAfterCommit();
        return record.eventId();
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
