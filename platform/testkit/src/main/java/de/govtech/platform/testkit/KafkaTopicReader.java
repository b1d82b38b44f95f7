package de.govtech.platform.testkit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reads a topic from the beginning with a fresh consumer group, for assertions on what a service published.
 * The broker is shared by all tests of a JVM, so filter by key or payload ({@link #readMatching}) rather than
 * expecting a topic to hold only your records.
 *
 * <pre>{@code
 * var records = KafkaTopicReader.fromTestBroker()
 *         .readMatching("membership.events", r -> r.key().equals(id), 1, Duration.ofSeconds(20));
 * }</pre>
 */
public final class KafkaTopicReader {

    private static final Duration POLL = Duration.ofMillis(200);

    private final String bootstrapServers;

    public KafkaTopicReader(String bootstrapServers) {
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    }

    /** A reader for the broker of {@link KafkaTestResource}. */
    public static KafkaTopicReader fromTestBroker() {
        return new KafkaTopicReader(KafkaTestResource.broker().bootstrapServers());
    }

    /**
     * Polls {@code topic} from its first offset until {@code done} accepts everything read so far or
     * {@code timeout} passes; returns what was read either way (assert on it).
     */
    public List<ConsumerRecord<String, String>> readUntil(String topic, Predicate<List<ConsumerRecord<String, String>>> done,
            Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = newConsumer()) {
            consumer.subscribe(List.of(topic));
            while (!done.test(records) && System.nanoTime() < deadline) {
                consumer.poll(POLL).forEach(records::add);
            }
        }
        return records;
    }

    /** All records read until there are at least {@code count} of them or {@code timeout} passes. */
    public List<ConsumerRecord<String, String>> readAtLeast(String topic, int count, Duration timeout) {
        return readUntil(topic, records -> records.size() >= count, timeout);
    }

    /** The records that match {@code filter}, read until there are at least {@code count} or {@code timeout} passes. */
    public List<ConsumerRecord<String, String>> readMatching(String topic, Predicate<ConsumerRecord<String, String>> filter,
            int count, Duration timeout) {
        List<ConsumerRecord<String, String>> matching = new ArrayList<>();
        int[] checked = {0};
        readUntil(topic, records -> {
            for (; checked[0] < records.size(); checked[0]++) {
                if (filter.test(records.get(checked[0]))) {
                    matching.add(records.get(checked[0]));
                }
            }
            return matching.size() >= count;
        }, timeout);
        return matching;
    }

    /** The last value of header {@code name} as UTF-8, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, String> newConsumer() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
