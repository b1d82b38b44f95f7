package de.govtech.platform.messaging.outbox;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the outbox to Kafka: one background thread takes the oldest unpublished rows under the relay
 * lock, sends them, and marks them published in the same transaction. While Kafka is unreachable the rows
 * stay and the relay backs off and retries; nothing is lost and nothing is marked that was not sent.
 * A commit that wrote events wakes the relay, so an event normally reaches Kafka within milliseconds.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Duration CLEANUP_EVERY = Duration.ofHours(1);

    private final OutboxRepository repository;
    private final KafkaOutboxPublisher publisher;
    private final OutboxConfig config;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private Instant nextCleanup = Instant.now();

    public OutboxRelay(OutboxRepository repository, KafkaOutboxPublisher publisher, OutboxConfig config) {
        this.repository = repository;
        this.publisher = publisher;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            Log.info("Outbox relay disabled on this instance (govtech.outbox.relay-enabled=false)");
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Called after a transaction that wrote events has committed. */
    public void wake() {
        wakeUp.release();
    }

    /**
     * Publishes one batch if this instance holds the relay lock.
     *
     * @return the number of events published, 0 when there was nothing to do or another instance relays
     * @throws OutboxPublishException when Kafka did not take the batch (nothing was marked published)
     */
    public int relayOnce() throws OutboxPublishException {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (!repository.tryRelayLock()) {
                    return 0;
                }
                List<OutboxRecord> batch = repository.lockUnpublished(config.batchSize());
                if (batch.isEmpty()) {
                    return 0;
                }
                publisher.publish(batch);
                repository.markPublished(batch);
                return batch.size();
            });
        } catch (RuntimeException e) {
            if (e.getCause() instanceof OutboxPublishException publishFailure) {
                throw publishFailure;
            }
            throw e;
        }
    }

    private void loop() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                int published = relayOnce();
                backoff = Duration.ZERO;
                cleanUpNowAndThen();
                if (published < config.batchSize()) {
                    wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                backoff = nextBackoff(backoff);
                Log.warnf("Outbox relay could not publish (%s); retrying in %d ms", rootMessage(e), backoff.toMillis());
                sleep(backoff);
            }
        }
    }

    private Duration nextBackoff(Duration previous) {
        Duration next = previous.isZero() ? Duration.ofMillis(200) : previous.multipliedBy(2);
        return next.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : next;
    }

    private void cleanUpNowAndThen() {
        if (Instant.now().isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = Instant.now().plus(CLEANUP_EVERY);
        int deleted = QuarkusTransaction.requiringNew()
                .call(() -> repository.deletePublishedBefore(Instant.now().minus(config.retainPublished())));
        if (deleted > 0) {
            Log.debugf("Outbox clean-up removed %d published events", deleted);
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
