package de.govtech.platform.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaServerTest {

    @Test
    void createsPlatformTopicsAndSurvivesAStopAndRestart(@TempDir Path tmp) throws Exception {
        Path dataDir = tmp.resolve("kafka");
        try (KafkaServer kafka = KafkaServer.start(dataDir, 0, null)) {
            assertTrue(kafka.isRunning());
            assertTrue(Files.exists(dataDir.resolve("kafka.log")));

            kafka.ensureTopics(PlatformTopics.all());
            kafka.ensureTopics(PlatformTopics.all());
            assertTopicsAsSpecified(kafka);

            try (KafkaProducer<String, String> producer = producer(kafka)) {
                producer.send(new ProducerRecord<>("membership.events", "m-1", "joined")).get(10, TimeUnit.SECONDS);

                kafka.stop();
                assertFalse(kafka.isRunning());
                long before = System.nanoTime();
                ExecutionException failure = assertThrows(ExecutionException.class,
                        () -> producer.send(new ProducerRecord<>("membership.events", "m-2", "lost")).get(20, TimeUnit.SECONDS));
                assertTrue(Duration.ofNanos(System.nanoTime() - before).toSeconds() < 15, "fails fast: " + failure);
            }

            kafka.restart();
            assertTrue(kafka.isRunning());
            try (KafkaProducer<String, String> producer = producer(kafka)) {
                producer.send(new ProducerRecord<>("membership.events", "m-3", "renewed")).get(10, TimeUnit.SECONDS);
            }
            List<ConsumerRecord<String, String>> records = readAll(kafka, "membership.events", 2);
            assertEquals(List.of("joined", "renewed"), records.stream().map(ConsumerRecord::value).sorted().toList());
        }
        assertTrue(Files.exists(dataDir.resolve("logs/meta.properties")), "a given data directory is kept");
    }

    @Test
    void deletesTemporaryDataOnClose() throws Exception {
        Path log;
        try (KafkaServer kafka = KafkaServer.start(null, 0, null)) {
            log = kafka.logFile();
            assertTrue(Files.exists(log));
        }
        assertFalse(Files.exists(log.getParent()));
    }

    @Test
    void runsTheBrokerWithTheQuickCompilerOnly() throws Exception {
        try (KafkaServer kafka = KafkaServer.start(null, 0, null)) {
            List<String> arguments = ProcessHandle.current().children()
                    .map(KafkaServerTest::commandLine)
                    .filter(args -> args.contains(BrokerLauncher.class.getName()))
                    .findFirst().orElseThrow();
            assertTrue(arguments.contains("-XX:TieredStopAtLevel=1"), arguments.toString());
        }
    }

    @Test
    void reportsTheLogFileWhenTheBrokerExitsEarly(@TempDir Path tmp) throws Exception {
        Path dataDir = tmp.resolve("broken");
        Files.createDirectories(dataDir.resolve("logs"));
        // formatted storage of a different node: the broker refuses to start
        Files.writeString(dataDir.resolve("logs/meta.properties"), "version=1\ncluster.id=AAAAAAAAAAAAAAAAAAAAAA\nnode.id=7\n");
        Path log = tmp.resolve("broker.log");

        IOException e = assertThrows(IOException.class, () -> KafkaServer.start(dataDir, 0, log));

        assertTrue(e.getMessage().contains("exited early") && e.getMessage().contains(log.toString()), e.getMessage());
    }

    private static List<String> commandLine(ProcessHandle process) {
        try {
            return List.of(Files.readString(Path.of("/proc/" + process.pid() + "/cmdline")).split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void assertTopicsAsSpecified(KafkaServer kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            List<String> names = PlatformTopics.all().stream().map(TopicSpec::name).toList();
            Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
            for (TopicSpec spec : PlatformTopics.all()) {
                assertEquals(spec.partitions(), descriptions.get(spec.name()).partitions().size(), spec.name());
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
                String retention = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS)
                        .get(resource).get("retention.ms").value();
                assertEquals(spec.retentionMs(), Long.parseLong(retention), spec.name());
            }
        }
    }

    private static KafkaProducer<String, String> producer(KafkaServer kafka) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000,
                ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500),
                new StringSerializer(), new StringSerializer());
    }

    private static List<ConsumerRecord<String, String>> readAll(KafkaServer kafka, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (records.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
