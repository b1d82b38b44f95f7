package de.govtech.deploy.local;

import de.govtech.deploy.samplebroker.SampleBrokerMain;
import de.govtech.platform.infra.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample broker as the launcher runs it: a child JVM (here its main class from the test classpath). */
class SampleBrokerProcessTest {

    @TempDir
    Path dir;

    private SampleBrokerProcess broker;

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void theLaunchersCommandRunsTheJarWithThePortAndTheDevCredentials() {
        List<String> command = SampleBrokerProcess.command(Path.of("/repo/deploy/sample-broker/target/sample-broker.jar"), 28090);

        assertTrue(String.join(" ", command).endsWith("-jar /repo/deploy/sample-broker/target/sample-broker.jar"
                + " --port 28090 --username broker --password broker-secret --provision-delay PT5S"), command.toString());
    }

    @Test
    void startsIsHealthyLogsToItsFileAndStopsOnSigterm() throws Exception {
        int port = Ports.freePort();
        Path log = dir.resolve("logs/sample-broker.log");
        broker = SampleBrokerProcess.start(fromClasspath(port), port, dir, log);

        broker.awaitReady(new HealthProbe(), Duration.ofSeconds(60));

        assertEquals("http://localhost:" + port, broker.baseUrl());
        assertTrue(new HealthProbe().check(SampleBrokerProcess.healthUrl(port)).up());
        broker.stop(Duration.ofSeconds(20));
        assertFalse(broker.isAlive());
        assertEquals(143, broker.exitValue());
        String output = Files.readString(log);
        assertTrue(output.contains("GET /health -> 200") && output.contains("sample-broker stopped"), output);
    }

    @Test
    void aBrokerThatCannotStartFailsNamingItsLog() throws Exception {
        int port = Ports.freePort();
        Path log = dir.resolve("sample-broker.log");
        List<String> command = fromClasspath(port);
        command.add("--provision-delay=three");
        broker = SampleBrokerProcess.start(command, port, dir, log);

        StackException e = assertThrows(StackException.class, () -> broker.awaitReady(new HealthProbe(), Duration.ofSeconds(60)));

        assertTrue(e.getMessage().contains("exited with code 2"), e.getMessage());
        assertEquals(log, e.logFile().orElseThrow());
    }

    private static List<String> fromClasspath(int port) {
        return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), SampleBrokerMain.class.getName(),
                "--port", Integer.toString(port), "--username", "broker", "--password", "broker-secret"));
    }
}
