package de.govtech.platform.messaging.inbox;

import de.govtech.platform.events.DeadLetterHeaders;
import de.govtech.platform.events.EventArea;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
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
            producer.close(java.time.Duration.ofSeconds(5));
            producer = null;
        }
    }
}
