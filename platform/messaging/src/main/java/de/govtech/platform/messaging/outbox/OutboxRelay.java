package de.govtech.platform.messaging.outbox;

import de.govtech.platform.messaging.inbox.InboxConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the outbox to Kafka: one background thread takes the oldest unpublished rows under the relay lock,
 * sends them, and marks the acknowledged ones published in the same transaction. While Kafka is unreachable the rows
 * stay and the relay backs off and retries; nothing is lost, nothing is marked that was not sent, and each
 * aggregate's events arrive in the order they were written (see {@link KafkaOutboxPublisher}). An event Kafka can
 * never take is parked with its error and the rest flow. A commit that wrote events wakes the relay, so an event
 * normally reaches Kafka within milliseconds; a relay that finds another instance relaying tries again within
 * milliseconds too (that instance may have selected its rows before the commit).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Duration HOUSEKEEPING_EVERY = Duration.ofHours(1);
    /** Room in the relay transaction beyond the longest send, for the lock, the reads and the updates. */
    private static final Duration TRANSACTION_MARGIN = Duration.ofSeconds(30);
    /** First pause before trying the relay lock again when another instance held it. */
    private static final Duration LOCK_RETRY_FIRST = Duration.ofMillis(5);
    /**
     * Longest pause between tries while another instance keeps the relay lock (or the poll interval, if shorter): events
     * committed here while it relays wake nobody else, so they wait at most this long after it lets go.
     */
    private static final Duration LOCK_RETRY_MAX = Duration.ofSeconds(1);

    private final OutboxRepository repository;
    private final KafkaOutboxPublisher publisher;
    private final OutboxConfig config;
    private final InboxConfig inboxConfig;
    private final MeterRegistry meters;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private Instant nextHousekeeping = Instant.now();

    public OutboxRelay(OutboxRepository repository, KafkaOutboxPublisher publisher, OutboxConfig config,
                       InboxConfig inboxConfig, MeterRegistry meters) {
        this.repository = repository;
        this.publisher = publisher;
        this.config = config;
        this.inboxConfig = inboxConfig;
        this.meters = meters;
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
     * Publishes one batch if this instance holds the relay lock. The transaction that holds the lock lasts longer
     * than the longest send, so no other instance can take the lock while this one still publishes.
     *
     * @return how many events were published and how many sends failed (0 and 0 when there was nothing to do or
     *         another instance relays)
     */
    public RelayOutcome relayOnce() {
        int timeoutSeconds = (int) publisher.longestAttempt().plus(TRANSACTION_MARGIN).toSeconds();
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
            Optional<List<OutboxRecord>> selected = repository.lockRelayAndSelectUnpublished(config.batchSize());
            if (selected.isEmpty()) {
                return RelayOutcome.LOCK_BUSY;
            }
            List<OutboxRecord> batch = selected.get();
            if (batch.isEmpty()) {
                return RelayOutcome.NOTHING;
            }
            PublishResult result = publisher.publish(batch);
            if (!result.published().isEmpty()) {
                repository.markPublished(result.published());
            }
            for (PublishResult.Failure failure : result.failures()) {
                recordFailure(failure, !result.published().isEmpty());
            }
            return new RelayOutcome(result.published().size(), result.failures().size(), batch.size());
        });
    }

    private void recordFailure(PublishResult.Failure failure, boolean kafkaTookOthers) {
        OutboxRecord record = failure.record();
        boolean park = failure.permanent()
                || (kafkaTookOthers && repository.failuresWhileOthersSent(record) + 1 >= config.parkAfterAttempts());
        String error = failure.error().getClass().getSimpleName() + ": " + failure.error().getMessage();
        repository.recordFailure(record, error, kafkaTookOthers, park);
        meters.counter("govtech.outbox.send.failures", "kind", failure.permanent() ? "permanent" : "transient").increment();
        if (park) {
            meters.counter("govtech.outbox.parked.events").increment();
            Log.errorf("Outbox event %s (%s, aggregate %s) parked: Kafka cannot take it (%s). It blocks nothing; "
                    + "fix the cause and set parked_at to null to send it again.", record.eventId(), record.eventType(),
                    record.aggregateId(), error);
        }
    }

    private void loop() {
        Duration backoff = Duration.ZERO;
        Duration lockRetry = Duration.ZERO;
        while (running) {
            try {
                RelayOutcome outcome = relayOnce();
                housekeepingNowAndThen();
                if (outcome.failed() > 0) {
                    backoff = nextBackoff(backoff);
                    Log.warnf("Outbox relay: %d of %d events not published; retrying in %d ms", outcome.failed(),
                            outcome.selected(), backoff.toMillis());
                    sleep(backoff);
                } else if (outcome.lockBusy()) {
                    // Another instance relays, and may have selected its rows before our latest commit: look again
                    // soon rather than after the poll interval, backing off while it keeps the lock (a long batch).
                    backoff = Duration.ZERO;
                    lockRetry = nextLockRetry(lockRetry);
                    waitForWakeUp(lockRetry);
                } else {
                    backoff = Duration.ZERO;
                    lockRetry = Duration.ZERO;
                    if (outcome.selected() < config.batchSize()) {
                        waitForWakeUp(config.pollInterval());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                backoff = nextBackoff(backoff);
                Log.warnf("Outbox relay could not run (%s); retrying in %d ms", rootMessage(e), backoff.toMillis());
                sleep(backoff);
            }
        }
    }

    /** Sleeps up to {@code timeout}, less when a commit that wrote events wakes the relay. */
    private void waitForWakeUp(Duration timeout) throws InterruptedException {
        wakeUp.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        wakeUp.drainPermits();
    }

    private Duration nextLockRetry(Duration previous) {
        Duration next = previous.isZero() ? LOCK_RETRY_FIRST : previous.multipliedBy(2);
        Duration longest = config.pollInterval().compareTo(LOCK_RETRY_MAX) < 0 ? config.pollInterval() : LOCK_RETRY_MAX;
        return next.compareTo(longest) > 0 ? longest : next;
    }

    private Duration nextBackoff(Duration previous) {
        Duration next = previous.isZero() ? Duration.ofMillis(200) : previous.multipliedBy(2);
        return next.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : next;
    }

    /** Deletes published outbox rows and old inbox entries, once an hour. */
    private void housekeepingNowAndThen() {
        if (Instant.now().isBefore(nextHousekeeping)) {
            return;
        }
        nextHousekeeping = Instant.now().plus(HOUSEKEEPING_EVERY);
        int published = QuarkusTransaction.requiringNew()
                .call(() -> repository.deletePublishedBefore(Instant.now().minus(config.retainPublished())));
        int processed = QuarkusTransaction.requiringNew()
                .call(() -> repository.deleteInboxEntriesBefore(Instant.now().minus(inboxConfig.retainProcessed())));
        if (published + processed > 0) {
            Log.debugf("Housekeeping removed %d published outbox events and %d old inbox entries", published, processed);
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

    /** What one relay step did; {@code lockBusy}: another instance held the relay lock, nothing was looked at. */
    public record RelayOutcome(int published, int failed, int selected, boolean lockBusy) {
        static final RelayOutcome NOTHING = new RelayOutcome(0, 0, 0);
        static final RelayOutcome LOCK_BUSY = new RelayOutcome(0, 0, 0, true);

        public RelayOutcome(int published, int failed, int selected) {
            this(published, failed, selected, false);
        }
    }
}
