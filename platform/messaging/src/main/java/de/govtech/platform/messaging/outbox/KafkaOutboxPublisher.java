package de.govtech.platform.messaging.outbox;

import de.govtech.platform.messaging.KafkaCloudEvents;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends outbox rows to Kafka as CloudEvents in binary mode and waits until the broker has them, keeping the order
 * of each aggregate under every failure: at most one record per aggregate is in flight at a time, and once a
 * record of an aggregate fails, nothing later of that aggregate is handed to the producer in this attempt. Records
 * of different aggregates are sent side by side, round by round. The whole attempt, metadata waits included, is
 * bounded by {@code govtech.outbox.send-timeout} (plus at most one {@code max.block.ms}).
 */
@ApplicationScoped
public class KafkaOutboxPublisher {

    /** Longest a single send may block for metadata or buffer space. */
    private static final long MAX_BLOCK_MS = 5_000;

    private final Map<String, Object> kafkaConfig;
    private final OutboxConfig config;
    private final String clientId;
    private Producer<String, byte[]> producer;

    public KafkaOutboxPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, OutboxConfig config,
                                @ConfigProperty(name = "quarkus.application.name", defaultValue = "service") String application) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
        this.clientId = application + "-outbox-relay";
    }

    /** The longest one {@link #publish} can take. */
    Duration longestAttempt() {
        return config.sendTimeout().plusMillis(blockMs());
    }

    /** Publishes the records, which are in outbox order; returns what was acknowledged and what failed. */
    public synchronized PublishResult publish(List<OutboxRecord> records) throws InterruptedException {
        Map<String, Deque<OutboxRecord>> pendingPerAggregate = new LinkedHashMap<>();
        for (OutboxRecord record : records) {
            pendingPerAggregate.computeIfAbsent(record.topic() + "/" + record.aggregateId(), k -> new ArrayDeque<>()).add(record);
        }
        List<OutboxRecord> published = new ArrayList<>();
        List<PublishResult.Failure> failures = new ArrayList<>();
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        while (!pendingPerAggregate.isEmpty() && System.nanoTime() < deadline) {
            Map<String, Future<RecordMetadata>> round = new LinkedHashMap<>();
            for (Map.Entry<String, Deque<OutboxRecord>> aggregate : pendingPerAggregate.entrySet()) {
                if (System.nanoTime() >= deadline) {
                    break;
                }
                try {
                    round.put(aggregate.getKey(), producer().send(KafkaCloudEvents.toProducerRecord(aggregate.getValue().peek())));
                } catch (RuntimeException e) {
                    round.put(aggregate.getKey(), CompletableFuture.failedFuture(e));
                }
            }
            boolean timedOut = false;
            for (Map.Entry<String, Future<RecordMetadata>> sent : round.entrySet()) {
                Deque<OutboxRecord> pending = pendingPerAggregate.get(sent.getKey());
                OutboxRecord record = pending.peek();
                try {
                    sent.getValue().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    published.add(record);
                    pending.poll();
                    if (pending.isEmpty()) {
                        pendingPerAggregate.remove(sent.getKey());
                    }
                } catch (ExecutionException | TimeoutException e) {
                    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                    timedOut |= e instanceof TimeoutException;
                    failures.add(new PublishResult.Failure(record, cause, isPermanent(cause)));
                    pendingPerAggregate.remove(sent.getKey());
                }
            }
            if (timedOut) {
                // unacknowledged sends may still be buffered: drop the producer so none goes out behind our back
                discardProducer();
                break;
            }
        }
        return new PublishResult(published, failures);
    }

    static boolean isPermanent(Throwable error) {
        return error instanceof RecordTooLargeException || error instanceof RecordBatchTooLargeException
                || error instanceof InvalidTopicException || error instanceof SerializationException
                || error instanceof TopicAuthorizationException;
    }

    /** A third of the send timeout at most, so one aggregate waiting for metadata leaves time for the others. */
    private long blockMs() {
        return Math.max(1, Math.min(config.sendTimeout().toMillis() / 3, MAX_BLOCK_MS));
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> settings = new HashMap<>(kafkaConfig);
            settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            settings.put(ProducerConfig.ACKS_CONFIG, "all");
            settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
            // a lone event is sent at once (Kafka 4's default waits 5 ms for company); a batch still fills while
            // earlier requests are in flight, and the relay hands a round's records over together
            settings.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
            int timeoutMs = (int) config.sendTimeout().toMillis();
            settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, blockMs());
            settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 5_000));
            settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeoutMs, 5_001 + 1));
            producer = new KafkaProducer<>(settings);
        }
        return producer;
    }

    private void discardProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException ignored) {
                // closing a producer that cannot reach the broker may complain; it is gone either way
            }
            producer = null;
        }
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
