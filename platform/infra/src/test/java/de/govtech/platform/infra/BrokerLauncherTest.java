package de.govtech.platform.infra;

import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrokerLauncherTest {

    @Test
    void formatsTheStorageInItsOwnJvmBeforeTheMainClassRuns(@TempDir Path tmp) throws Exception {
        Path config = writeConfig(tmp);
        String clusterId = Uuid.randomUuid().toString();

        Result result = launch(config, clusterId);

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("probe: formatted") && result.output().contains("cluster.id=" + clusterId),
                result.output());
    }

    @Test
    void runsTheMainClassOnTheStorageAsItIsWithoutAClusterId(@TempDir Path tmp) throws Exception {
        Path config = writeConfig(tmp);

        Result result = launch(config, null);

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("probe: not formatted"), result.output());
    }

    @Test
    void endsWithoutRunningTheMainClassWhenTheFormatFails(@TempDir Path tmp) throws Exception {
        Path config = writeConfig(tmp);
        Files.createDirectories(tmp.resolve("logs"));
        // formatted for another cluster: StorageTool refuses to format it again
        Files.writeString(tmp.resolve("logs/meta.properties"), "version=1\ncluster.id=AAAAAAAAAAAAAAAAAAAAAA\nnode.id=1\n");

        Result result = launch(config, Uuid.randomUuid().toString());

        assertTrue(result.exitCode() != 0, result.output());
        assertTrue(!result.output().contains("probe:"), result.output());
    }

    private record Result(int exitCode, String output) {
    }

    private static Path writeConfig(Path dir) throws IOException {
        int port = Ports.freePort();
        int brokerPort = Ports.freePort();
        Path config = dir.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + port,
                "listeners=PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "log.dirs=" + dir.resolve("logs")), StandardCharsets.UTF_8);
        return config;
    }

    private static Result launch(Path config, String clusterId) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (clusterId != null) {
            command.add("-D" + BrokerLauncher.FORMAT_PROPERTY + "=" + clusterId);
        }
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator,
                location(BrokerLauncher.class), location(FormattedStorageProbe.class), brokerClasspath()));
        command.add(BrokerLauncher.class.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(FormattedStorageProbe.class.getName());
        command.add(config.toString());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        return new Result(child.exitValue(), output);
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static String brokerClasspath() throws IOException {
        try (InputStream in = BrokerLauncherTest.class.getClassLoader().getResourceAsStream("govtech/kafka-broker.classpath")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
