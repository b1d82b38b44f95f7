package de.govtech.platform.testkit;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A second application (other profile) in the same JVM gets working servers again; the broker can be bounced. */
@QuarkusTest
@TestProfile(SharedAcrossProfilesTest.OtherProfile.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "testkit"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class SharedAcrossProfilesTest {

    public static class OtherProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("govtech.test.profile", "other");
        }
    }

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void configPointsAtTheRunningServers() {
        assertEquals(PostgresTestResource.server().jdbcUrl("testkit"), jdbcUrl);
        assertEquals(KafkaTestResource.broker().bootstrapServers(), bootstrapServers);
    }

    @Test
    void brokerCanBeStoppedAndRestartedByATest() throws Exception {
        String key = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = RealInfrastructureTest.producer(bootstrapServers)) {
            producer.send(new ProducerRecord<>("learning.events", key, "before")).get(10, TimeUnit.SECONDS);
            KafkaTestResource.broker().stop();
            assertFalse(KafkaTestResource.broker().isRunning());
            assertThrows(ExecutionException.class,
                    () -> producer.send(new ProducerRecord<>("learning.events", key, "while down")).get(20, TimeUnit.SECONDS));
        } finally {
            KafkaTestResource.broker().restart();
        }
        assertTrue(KafkaTestResource.broker().isRunning());
        try (KafkaProducer<String, String> producer = RealInfrastructureTest.producer(bootstrapServers)) {
            producer.send(new ProducerRecord<>("learning.events", key, "after")).get(10, TimeUnit.SECONDS);
        }
        var values = KafkaTopicReader.fromTestBroker()
                .readMatching("learning.events", r -> key.equals(r.key()), 2, Duration.ofSeconds(20))
                .stream().map(r -> r.value()).toList();
        assertEquals(java.util.List.of("before", "after"), values);
    }
}
