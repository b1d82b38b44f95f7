package de.govtech.platform.testkit;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "testkit"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class RealInfrastructureTest {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void datasourceIsARealPostgres17WithTheNamedDatabase() throws Exception {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select version(), current_database()")) {
            assertTrue(rows.next());
            assertTrue(rows.getString(1).startsWith("PostgreSQL 17"), rows.getString(1));
            assertEquals("testkit", rows.getString(2));
        }
    }

    @Test
    void recordOnMembershipEventsIsReadBackWithHeaders() throws Exception {
        assertEquals(KafkaTestResource.broker().bootstrapServers(), bootstrapServers);
        String key = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer(bootstrapServers)) {
            ProducerRecord<String, String> record = new ProducerRecord<>("membership.events", key, "{\"type\":\"MembershipStarted\"}");
            record.headers().add("ce_type", "MembershipStarted".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(10, TimeUnit.SECONDS);
        }

        List<ConsumerRecord<String, String>> read = new KafkaTopicReader(bootstrapServers)
                .readMatching("membership.events", r -> key.equals(r.key()), 1, Duration.ofSeconds(20));

        assertEquals(1, read.size());
        assertEquals("{\"type\":\"MembershipStarted\"}", read.get(0).value());
        assertEquals("MembershipStarted", KafkaTopicReader.header(read.get(0), "ce_type"));
    }

    static KafkaProducer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000),
                new StringSerializer(), new StringSerializer());
    }
}
