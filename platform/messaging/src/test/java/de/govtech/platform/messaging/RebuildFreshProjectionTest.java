package de.govtech.platform.messaging;

import de.govtech.platform.messaging.inbox.InboxRepository;
import de.govtech.platform.messaging.inbox.RebuildFreshProjection;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A database that has never applied events of a partition reads it from the beginning, even though the consumer
 * group committed offsets at its end for an earlier database; a database that has, continues from the offsets.
 */
@QuarkusTest
@RealInfrastructure
class RebuildFreshProjectionTest {

    /** No consumer of the test application reads this topic, so nothing else writes its inbox partitions. */
    private static final String TOPIC = "learning.events";

    @Inject
    @Identifier(RebuildFreshProjection.NAME)
    RebuildFreshProjection rebuild;

    @Inject
    InboxRepository inbox;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aFreshDatabaseReadsThePartitionFromTheBeginningAKnownOneContinues() throws Exception {
        String group = "rebuild-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(TOPIC, key, "event-" + i)).get();
            }
        }
        // an earlier database consumed everything: the group's committed offsets are at the end
        assertEquals(3, readKeyed(group, key, false, true));
        forgetPartitions();

        assertEquals(3, readKeyed(group, key, true, false), "the fresh database gets the whole partition again");

        QuarkusTransaction.requiringNew().run(() -> {
            for (int partition = 0; partition < 3; partition++) {
                inbox.rememberPartition(TOPIC, partition);
            }
        });
        assertEquals(0, readKeyed(group, key, true, false), "a database that knows the partitions continues");
    }

    /** Counts the records of {@code key} a member of {@code group} reads within a few seconds. */
    private int readKeyed(String group, String key, boolean withRebuild, boolean commit) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    if (withRebuild) {
                        rebuild.onPartitionsAssigned(consumer, partitions);
                    }
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }
            });
            List<ConsumerRecord<String, String>> read = new ArrayList<>();
            long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            while (System.nanoTime() < until) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        read.add(r);
                    }
                });
            }
            if (commit) {
                consumer.commitSync();
            }
            return read.size();
        }
    }

    private void forgetPartitions() throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("delete from inbox_partition where topic = ?")) {
            statement.setString(1, TOPIC);
            statement.executeUpdate();
        }
    }
}
