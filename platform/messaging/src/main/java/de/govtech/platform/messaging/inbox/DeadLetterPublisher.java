package de.govtech.platform.messaging.inbox;

import de.govtech.platform.events.CloudEventHeaders;
import de.govtech.platform.events.DeadLetterHeaders;
import de.govtech.platform.events.EventArea;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes poison records to the service's dead-letter topic: the original key, value and headers, plus the
 * {@link DeadLetterHeaders} saying where the record came from, which consumer set it aside and why. Returns only
 * when the broker has the record, so the original offset is committed only after its copy is safe.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    private final Map<String, Object> kafkaConfig;
    private final InboxConfig config;
    private final String topic;
    private final String clientId;
    private Producer<String, byte[]> producer;
    /** Consumer and record key of every dead letter on the topic up to {@link #indexedUpTo}, read by {@link #holds}. */
    private final Set<String> indexed = new HashSet<>();
    private final Map<TopicPartition, Long> indexedUpTo = new HashMap<>();

    public DeadLetterPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, InboxConfig config,
                               @ConfigProperty(name = "quarkus.application.name", defaultValue = "service") String application) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
        this.topic = config.deadLetterTopic().orElseGet(() -> defaultTopic(application));
        this.clientId = application + "-dead-letters";
    }

    /** The dead-letter topic of the service's area, e.g. {@code marketplace.dead-letter} for {@code marketplace-service}. */
    static String defaultTopic(String application) {
        for (EventArea area : EventArea.values()) {
            if (area.serviceName().equals(application)) {
                return area.deadLetterTopic();
            }
        }
        return application + ".dead-letter";
    }

    public String topic() {
        return topic;
    }

    void publish(String consumerName, ConsumerRecord<String, byte[]> record, Throwable reason) {
        ProducerRecord<String, byte[]> deadLetter = new ProducerRecord<>(topic, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dead-letter-")) {
                deadLetter.headers().add(header);
            }
        }
        add(deadLetter, DeadLetterHeaders.REASON, reason.getMessage());
        add(deadLetter, DeadLetterHeaders.EXCEPTION_CLASS_NAME, reason.getClass().getName());
        if (reason.getCause() != null) {
            add(deadLetter, DeadLetterHeaders.CAUSE, reason.getCause().getMessage());
            add(deadLetter, DeadLetterHeaders.CAUSE_CLASS_NAME, reason.getCause().getClass().getName());
        }
        add(deadLetter, DeadLetterHeaders.TOPIC, record.topic());
        add(deadLetter, DeadLetterHeaders.PARTITION, Integer.toString(record.partition()));
        add(deadLetter, DeadLetterHeaders.OFFSET, Long.toString(record.offset()));
        add(deadLetter, DeadLetterHeaders.CONSUMER, consumerName);
        try {
            producer().send(deadLetter).get(config.deadLetterTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsumptionStoppedException("Interrupted while setting record aside on " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ConsumptionStoppedException("Could not set record %s-%d@%d aside on %s"
                    .formatted(record.topic(), record.partition(), record.offset(), topic), e);
        }
    }

    /**
     * Whether the dead-letter topic already holds this consumer's copy of the record ({@code key}: its event id, or
     * {@link InboxRepository#recordKey}). The inbox remembers what it set aside; this answers for a database that
     * does not (a fresh or restored one reading its partitions from the start). Reads only what was added to the
     * topic since the last call.
     *
     * @throws ConsumptionStoppedException when the topic cannot be read within {@code govtech.inbox.dead-letter-timeout}
     */
    synchronized boolean holds(String consumerName, String key) {
        try (KafkaConsumer<String, byte[]> reader = reader()) {
            if (indexedUpTo.isEmpty()) {
                reader.partitionsFor(topic, config.deadLetterTimeout())
                        .forEach(p -> indexedUpTo.put(new TopicPartition(topic, p.partition()), 0L));
            }
            List<TopicPartition> partitions = List.copyOf(indexedUpTo.keySet());
            reader.assign(partitions);
            partitions.forEach(p -> reader.seek(p, indexedUpTo.get(p)));
            Map<TopicPartition, Long> end = reader.endOffsets(partitions, config.deadLetterTimeout());
            long deadline = System.nanoTime() + config.deadLetterTimeout().toNanos();
            while (partitions.stream().anyMatch(p -> reader.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("reading " + topic + " took longer than " + config.deadLetterTimeout());
                }
                for (ConsumerRecord<String, byte[]> deadLetter : reader.poll(Duration.ofMillis(200))) {
                    index(deadLetter);
                }
            }
            partitions.forEach(p -> indexedUpTo.put(p, reader.position(p)));
        } catch (KafkaException | TimeoutException e) {
            throw new ConsumptionStoppedException("Could not read " + topic + " to find earlier dead letters", e);
        }
        return indexed.contains(consumerName + '\n' + key);
    }

    private void index(ConsumerRecord<String, byte[]> deadLetter) {
        String consumer = text(deadLetter, DeadLetterHeaders.CONSUMER);
        String eventId = text(deadLetter, CloudEventHeaders.ID);
        String originalTopic = text(deadLetter, DeadLetterHeaders.TOPIC);
        String partition = text(deadLetter, DeadLetterHeaders.PARTITION);
        String offset = text(deadLetter, DeadLetterHeaders.OFFSET);
        if (consumer == null) {
            return;
        }
        if (eventId != null) {
            indexed.add(consumer + '\n' + eventId);
        }
        if (originalTopic != null && partition != null && offset != null) {
            try {
                indexed.add(consumer + '\n'
                        + InboxRepository.recordKey(originalTopic, Integer.parseInt(partition), Long.parseLong(offset)));
            } catch (NumberFormatException notOurs) {
                // not written by this publisher; it cannot be one of ours
            }
        }
    }

    private static String text(ConsumerRecord<?, ?> record, String header) {
        Header value = record.headers().lastHeader(header);
        return value == null || value.value() == null ? null : new String(value.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, byte[]> reader() {
        Map<String, Object> settings = new HashMap<>(kafkaConfig);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-index");
        return new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static void add(ProducerRecord<String, byte[]> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> settings = new HashMap<>(kafkaConfig);
            settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
            settings.put(ProducerConfig.ACKS_CONFIG, "all");
            settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.deadLetterTimeout().toMillis());
            settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.deadLetterTimeout().toMillis());
            settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(config.deadLetterTimeout().toMillis(), 30_000));
            settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
