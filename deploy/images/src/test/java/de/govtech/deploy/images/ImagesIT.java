package de.govtech.deploy.images;

import com.fasterxml.jackson.databind.JsonNode;
import de.govtech.deploy.images.RegistryImageReader.Image;
import de.govtech.platform.infra.KafkaServer;
import de.govtech.platform.infra.PlatformTopics;
import de.govtech.platform.infra.PostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The five images as the registry serves them, and two of them started from their unpacked layers. No Docker: the
 * images are built by Quarkus' Jib support against a stand-in base and pushed to a registry on loopback
 * ({@link PlatformBuild}); starting them needs root (unshare, chroot), as in CI.
 */
class ImagesIT {

    private static PlatformBuild build;
    private static RegistryImageReader reader;

    @BeforeAll
    static void buildAndPush() throws Exception {
        build = PlatformBuild.get();
        reader = new RegistryImageReader(build.registry);
    }

    @Test
    void everyImageHasANonRootUserItsPortTheJavaEntrypointAndTheFastJarLayers() throws Exception {
        for (String module : PlatformBuild.MODULES) {
            Image image = reader.read(PlatformBuild.repository(module), PlatformBuild.TAG);
            List<String> entries = new ArrayList<>();
            for (String digest : image.layerDigests()) {
                entries.addAll(reader.layerEntries(image, digest, build.work.resolve("layers")));
            }
            List<String> ports = new ArrayList<>();
            image.config().path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
            List<String> problems = ImageContract.problems(image.config().path("User").asText(), image.entrypoint(),
                    ports, image.config().path("WorkingDir").asText(), entries, httpPort(module));
            assertEquals(List.of(), problems, module);
            assertTrue(image.layerDigests().size() >= 2 + 4, module + ": the base's layers and the fast-jar layers");
        }
    }

    @Test
    void membershipServiceAndGatewayBecomeReadyStartedFromTheirUnpackedLayers() throws Exception {
        Path tmp = Files.createDirectories(build.work.resolve("servers"));
        try (PostgresServer postgres = PostgresServer.start(null, 0);
             KafkaServer kafka = KafkaServer.start(null, 0, tmp.resolve("kafka.log"))) {
            postgres.ensureDatabase("membership");
            kafka.ensureTopics(PlatformTopics.all());

            int membershipPort = LoopbackRegistry.freePort();
            Map<String, String> membershipEnv = new LinkedHashMap<>();
            membershipEnv.put("QUARKUS_HTTP_PORT", String.valueOf(membershipPort));
            membershipEnv.put("QUARKUS_DATASOURCE_JDBC_URL",
                    "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/membership");
            membershipEnv.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
            membershipEnv.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
            membershipEnv.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers().replace("localhost", "127.0.0.1"));

            int gatewayPort = LoopbackRegistry.freePort();
            Map<String, String> gatewayEnv = new LinkedHashMap<>();
            gatewayEnv.put("QUARKUS_HTTP_PORT", String.valueOf(gatewayPort));
            gatewayEnv.put("GATEWAY_UPSTREAM_MEMBERSHIP", "http://127.0.0.1:" + membershipPort);

            try (UnpackedContainer membership = start("membership-service", membershipEnv);
                 UnpackedContainer gateway = start("gateway", gatewayEnv)) {
                membership.awaitReady(membershipPort, Duration.ofMinutes(3));
                gateway.awaitReady(gatewayPort, Duration.ofMinutes(3));
            }
        }
    }

    private static UnpackedContainer start(String module, Map<String, String> deploymentEnv) throws Exception {
        Image image = reader.read(PlatformBuild.repository(module), PlatformBuild.TAG);
        Path rootfs = build.work.resolve("rootfs").resolve(module);
        deleteRecursively(rootfs);
        reader.unpack(image, rootfs, build.work.resolve("layers"));
        Map<String, String> env = new HashMap<>();
        for (String entry : image.env()) {
            int equals = entry.indexOf('=');
            env.put(entry.substring(0, equals), entry.substring(equals + 1));
        }
        env.putAll(deploymentEnv);
        JsonNode config = image.config();
        return UnpackedContainer.start(module, rootfs, config.path("User").asText(), config.path("WorkingDir").asText(),
                image.entrypoint(), env, build.work.resolve(module + ".log"));
    }

    static int httpPort(String module) {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(build.source.resolve(module).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Integer.parseInt(properties.getProperty("quarkus.http.port"));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(file -> file.toFile().delete());
        }
    }
}
