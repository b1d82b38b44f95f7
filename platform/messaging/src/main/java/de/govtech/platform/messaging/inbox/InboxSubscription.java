package de.govtech.platform.messaging.inbox;

import io.quarkus.logging.Log;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * One Kafka consumer and its polling thread, which applies each record itself through {@link IdempotentConsumer}
 * (no hand-over to another thread), partition by partition in offset order, and commits a partition's offset only
 * once the records before it are applied or set aside: at least once from Kafka, exactly once in effect through the
 * inbox. Failures that are not poison are retried inside {@link IdempotentConsumer#consume} with back-off, so the
 * partition waits and nothing is skipped. A record whose consumption stops ({@link ConsumptionStoppedException}:
 * shutdown, or a dead-letter topic that cannot be written) is not committed; outside a shutdown the subscription
 * stops and reports itself failed in the health checks, as a channel with {@code failure-strategy=fail} does.
 */
final class InboxSubscription implements Runnable {

    enum State { STARTING, JOINED, STOPPED, FAILED }

    private final String name;
    private final String consumerName;
    private final List<String> topics;
    private final EventHandler handler;
    private final IdempotentConsumer inbox;
    private final RebuildFreshProjection rebuild;
    private final Duration pollTimeout;
    private final Consumer<String, byte[]> consumer;
    private final Thread thread;
    /** The next offset to commit per partition: everything before it is applied. Polling thread only. */
    private final Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();
    private boolean commitDue;

    private final Map<ConsumeOutcome, LongAdder> outcomes = new EnumMap<>(ConsumeOutcome.class);

    private volatile boolean running = true;
    private volatile State state = State.STARTING;
    private volatile String failure;
    private volatile Set<TopicPartition> assignment = Set.of();

    InboxSubscription(String name, String consumerName, List<String> topics, EventHandler handler,
                      IdempotentConsumer inbox, RebuildFreshProjection rebuild, Duration pollTimeout,
                      Consumer<String, byte[]> consumer) {
        this.name = name;
        this.consumerName = consumerName;
        this.topics = List.copyOf(topics);
        this.handler = handler;
        this.inbox = inbox;
        this.rebuild = rebuild;
        this.pollTimeout = pollTimeout;
        this.consumer = consumer;
        this.thread = new Thread(this, "govtech-subscription-" + name);
        for (ConsumeOutcome outcome : ConsumeOutcome.values()) {
            outcomes.put(outcome, new LongAdder());
        }
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(topics, new Rebalance());
            while (running) {
                applyAll(consumer.poll(pollTimeout));
                if (commitDue) {
                    consumer.commitAsync(Map.copyOf(applied), (offsets, e) -> {
                        if (e != null) {
                            // a later commit, the one on revocation or the one at close carries the same offsets
                            Log.debugf("%s: offset commit failed, a later one covers it: %s", name, e);
                        }
                    });
                    commitDue = false;
                }
            }
            state = State.STOPPED;
        } catch (WakeupException stop) {
            state = State.STOPPED;
        } catch (ConsumptionStoppedException e) {
            if (!running || inbox.stopping()) {
                Log.infof("%s stops: %s", name, e.getMessage());
                state = State.STOPPED;
            } else {
                fail(e);
            }
        } catch (RuntimeException | Error e) {
            fail(e);
        } finally {
            close();
        }
    }

    private void applyAll(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (!running) {
                    return;
                }
                outcomes.get(inbox.consume(consumerName, record, handler)).increment();
                applied.put(partition, new OffsetAndMetadata(record.offset() + 1));
                commitDue = true;
            }
        }
    }

    private void fail(Throwable e) {
        failure = e.toString();
        state = State.FAILED;
        Log.errorf(e, "%s stopped consuming %s; the record that failed is delivered again after a restart", name, topics);
    }

    private void close() {
        // an interrupt from awaitStop would make the consumer's blocking calls throw before they commit
        boolean interrupted = Thread.interrupted();
        try {
            commitAppliedAtClose();
        } catch (RuntimeException e) {
            Log.warnf("%s: could not commit the applied offsets at close (delivered again, the inbox skips them): %s",
                    name, e);
        }
        try {
            consumer.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            Log.warnf("%s: closing the Kafka consumer failed: %s", name, e);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The stop's {@code wakeup()} is still pending when it arrived while a record was applied (not in a poll): the first
     * blocking call consumes it by throwing, so the commit is tried once more.
     */
    private void commitAppliedAtClose() {
        if (applied.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(Map.copyOf(applied));
        } catch (WakeupException pendingStop) {
            consumer.commitSync(Map.copyOf(applied));
        }
    }

    /** Asks the polling thread to stop after the record in hand. */
    void requestStop() {
        running = false;
        if (thread.isAlive()) {
            consumer.wakeup();
        }
    }

    /** Waits for the polling thread to end: applied offsets committed, consumer closed. */
    void awaitStop(Duration patience) {
        try {
            thread.join(patience.toMillis());
            if (thread.isAlive()) {
                // a retry pause: interrupted, the record stays uncommitted and is delivered again after the restart
                thread.interrupt();
                thread.join(patience.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How often consuming a record of this subscription ended with the outcome. */
    long count(ConsumeOutcome outcome) {
        return outcomes.get(outcome).sum();
    }

    String name() {
        return name;
    }

    State state() {
        return state;
    }

    String failure() {
        return failure;
    }

    Set<TopicPartition> assignment() {
        return assignment;
    }

    boolean threadAlive() {
        return thread.isAlive();
    }

    /** Runs on the polling thread, inside {@code poll}: no record is being applied meanwhile. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = applied.remove(partition);
                if (offset != null) {
                    done.put(partition, offset);
                }
            }
            if (!done.isEmpty()) {
                try {
                    consumer.commitSync(done);
                } catch (RuntimeException e) {
                    Log.warnf("%s: could not commit %s on revocation (delivered again, the inbox skips them): %s",
                            name, done, e);
                }
            }
            assignment = Set.copyOf(consumer.assignment().stream().filter(p -> !partitions.contains(p)).toList());
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (rebuild != null && !partitions.isEmpty()) {
                rebuild.onPartitionsAssigned(consumer, partitions);
            }
            assignment = Set.copyOf(consumer.assignment());
            if (state == State.STARTING) {
                state = State.JOINED;
                Log.infof("%s joined its group, assigned %s", name, assignment);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // already someone else's: their offsets can no longer be committed from here
            partitions.forEach(applied::remove);
            assignment = Set.copyOf(consumer.assignment().stream().filter(p -> !partitions.contains(p)).toList());
        }
    }
}
