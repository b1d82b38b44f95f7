package de.govtech.platform.testkit;

import de.govtech.platform.infra.KafkaServer;
import de.govtech.platform.infra.PlatformTopics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Points a Quarkus test at a real Kafka broker (KRaft, child JVM) on free ports with temporary data and all
 * platform topics created. One broker serves all test classes of an application. Its log goes to
 * {@code <java.io.tmpdir>/kafka-broker-<start time>.log} (target/tmp in this build) and is kept for diagnosis.
 *
 * <pre>{@code
 * @WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
 * }</pre>
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static final SharedServer<KafkaServer> SHARED = new SharedServer<>("Kafka broker", KafkaTestResource::startBroker);

    private boolean acquired;

    @Override
    public Map<String, String> start() {
        KafkaServer broker = SHARED.acquire();
        acquired = true;
        if (!broker.isRunning()) {
            // a test stopped it and did not restart it
            broker.restart();
        }
        broker.ensureTopics(PlatformTopics.all());
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (acquired) {
            acquired = false;
            SHARED.release();
        }
    }

    /** The running broker; a test may {@code stop()} and {@code restart()} it (same port, same data). */
    public static KafkaServer broker() {
        return SHARED.current();
    }

    private static KafkaServer startBroker() throws IOException {
        String started = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        Path log = Path.of(System.getProperty("java.io.tmpdir"), "kafka-broker-" + started + ".log");
        return KafkaServer.start(null, 0, log);
    }
}
