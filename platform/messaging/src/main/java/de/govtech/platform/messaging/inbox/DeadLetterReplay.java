package de.govtech.platform.messaging.inbox;

import de.govtech.platform.events.DeadLetterHeaders;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Hands the records on the service's dead-letter topic back to the consumers that set them aside (header
 * {@code dead-letter-consumer}), in topic order, through the same inbox: an event applied before is recognised and
 * skipped, so a replay can run any number of times. Unlike a consumer reading its partition again, the replay applies
 * an event the inbox remembers as set aside. A record that is still poison stays where it is; nothing is
 * written to the dead-letter topic during a replay. Use it after fixing what made records poison.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration READ_LIMIT = Duration.ofMinutes(2);

    private final Map<String, Object> kafkaConfig;
    private final IdempotentConsumer consumer;
    private final DeadLetterPublisher deadLetters;

    public DeadLetterReplay(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, IdempotentConsumer consumer,
                            DeadLetterPublisher deadLetters) {
        this.kafkaConfig = kafkaConfig;
        this.consumer = consumer;
        this.deadLetters = deadLetters;
    }

    public synchronized ReplayReport replayAll() {
        String topic = deadLetters.topic();
        int read = 0;
        int applied = 0;
        int alreadyApplied = 0;
        int stillPoison = 0;
        TreeSet<String> unknownConsumers = new TreeSet<>();
        try (KafkaConsumer<String, byte[]> reader = reader()) {
            List<TopicPartition> partitions = reader.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions);
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (!reachedEnd(reader, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Reading " + topic + " took longer than " + READ_LIMIT);
                }
                for (ConsumerRecord<String, byte[]> deadLetter : reader.poll(POLL)) {
                    if (deadLetter.offset() >= end.get(new TopicPartition(topic, deadLetter.partition()))) {
                        continue;
                    }
                    read++;
                    String consumerName = header(deadLetter, DeadLetterHeaders.CONSUMER).orElse("(none)");
                    Optional<EventHandler> handler = consumer.handler(consumerName);
                    if (handler.isEmpty()) {
                        unknownConsumers.add(consumerName);
                        continue;
                    }
                    try {
                        switch (consumer.apply(consumerName, original(deadLetter), handler.get(), true)) {
                            case APPLIED -> applied++;
                            case DUPLICATE, UNKNOWN_TYPE, DEAD_LETTERED, ALREADY_DEAD_LETTERED -> alreadyApplied++;
                        }
                    } catch (PoisonMessageException stillBad) {
                        stillPoison++;
                        Log.infof("Dead letter %s-%d@%d is still poison for %s: %s", topic, deadLetter.partition(),
                                deadLetter.offset(), consumerName, stillBad.getMessage());
                    }
                }
            }
        }
        ReplayReport report = new ReplayReport(topic, read, applied, alreadyApplied, stillPoison, List.copyOf(unknownConsumers));
        Log.infof("Replayed %s: %s", topic, report);
        return report;
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> reader, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> reader.position(e.getKey()) >= e.getValue());
    }

    /** The record as it was consumed: original topic, partition and offset, without the dead-letter headers. */
    private static ConsumerRecord<String, byte[]> original(ConsumerRecord<String, byte[]> deadLetter) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : deadLetter.headers()) {
            if (!header.key().startsWith("dead-letter-")) {
                headers.add(header);
            }
        }
        String topic = header(deadLetter, DeadLetterHeaders.TOPIC).orElse(deadLetter.topic());
        int partition = header(deadLetter, DeadLetterHeaders.PARTITION).map(Integer::parseInt).orElse(deadLetter.partition());
        long offset = header(deadLetter, DeadLetterHeaders.OFFSET).map(Long::parseLong).orElse(deadLetter.offset());
        return new ConsumerRecord<>(topic, partition, offset, deadLetter.timestamp(), TimestampType.CREATE_TIME,
                ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, deadLetter.key(), deadLetter.value(), headers,
                Optional.empty());
    }

    private static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private KafkaConsumer<String, byte[]> reader() {
        Map<String, Object> settings = new HashMap<>(kafkaConfig);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, deadLetters.topic() + "-replay");
        return new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
