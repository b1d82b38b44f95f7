package de.govtech.platform.messaging.outbox;

import de.govtech.platform.messaging.KafkaCloudEvents;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends outbox rows to Kafka as CloudEvents in binary mode and waits until the broker has them.
 * Uses the Kafka settings every Quarkus app shares ({@code kafka.*}), with an idempotent producer so
 * the records of one batch keep their order per partition.
 */
@ApplicationScoped
public class KafkaOutboxPublisher {

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

    /** Publishes all records in order; returns only when every one is acknowledged, else throws. */
    public synchronized void publish(List<OutboxRecord> records) throws OutboxPublishException {
        Producer<String, byte[]> current = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        try {
            for (OutboxRecord record : records) {
                acks.add(current.send(KafkaCloudEvents.toProducerRecord(record)));
            }
            long deadline = System.nanoTime() + config.sendTimeout().toNanos();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discardProducer();
            throw new OutboxPublishException("Interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // Unacknowledged sends may still be buffered: drop the producer so they are never sent
            // behind our back; the whole batch is retried with a fresh one.
            discardProducer();
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new OutboxPublishException("Kafka did not acknowledge the batch: " + cause, cause);
        }
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> settings = new HashMap<>(kafkaConfig);
            settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            settings.put(ProducerConfig.ACKS_CONFIG, "all");
            settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
            settings.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
            int timeoutMs = (int) config.sendTimeout().toMillis();
            settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(timeoutMs, 5_000));
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
