package de.govtech.deploy.local;

import de.govtech.platform.infra.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceProcessTest {

    @TempDir
    Path dir;

    private final ServiceSpec spec = new ServiceSpec("demo-service", "demo-service", Ports.freePort(), "demo");

    @Test
    void passesTheEnvironmentAndWritesOutputToTheLogFile() throws Exception {
        Path log = dir.resolve("logs/demo.log");
        ServiceProcess process = ServiceProcess.start(spec, List.of("sh", "-c", "echo port=$QUARKUS_HTTP_PORT; echo oops >&2"),
                Map.of("QUARKUS_HTTP_PORT", "4711"), dir, log);

        process.onExit().get();

        assertEquals(List.of("port=4711", "oops"), Files.readAllLines(log));
    }

    @Test
    void stopEndsTheProcessAndEverythingItStarted() throws Exception {
        // the shell ignores SIGTERM, so only the forced kill after the grace period ends it and its child
        ServiceProcess process = ServiceProcess.start(spec, List.of("sh", "-c", "trap '' TERM; sleep 300 & wait"),
                Map.of(), dir, dir.resolve("demo.log"));
        awaitDescendant(process);
        List<ProcessHandle> family = ProcessHandle.of(process.pid()).orElseThrow().descendants().toList();

        process.requestStop();
        process.awaitStopped(Duration.ofMillis(500));

        assertFalse(process.isAlive());
        for (ProcessHandle child : family) {
            child.onExit().get();
            assertFalse(child.isAlive(), "child " + child.pid() + " survived");
        }
    }

    @Test
    void aProcessThatHonoursSigtermStopsWithinTheGracePeriod() throws Exception {
        ServiceProcess process = ServiceProcess.start(spec, List.of("sleep", "300"), Map.of(), dir, dir.resolve("demo.log"));

        long start = System.nanoTime();
        process.requestStop();
        process.awaitStopped(Duration.ofSeconds(20));

        assertFalse(process.isAlive());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5);
    }

    /**
     * What makes an AOT cache of a training run: only a stop the application finished by itself (the JVM assembles
     * the cache while exiting) counts; one killed after the grace period left a partial file behind.
     */
    @Test
    void onlyAStopWithinTheGracePeriodCountsAsClean() throws Exception {
        java.util.concurrent.atomic.AtomicInteger clean = new java.util.concurrent.atomic.AtomicInteger();
        ServiceProcess stubborn = ServiceProcess.start(spec, List.of("sh", "-c", "trap '' TERM; sleep 300 & wait"),
                Map.of(), dir, dir.resolve("stubborn.log"), clean::incrementAndGet);
        awaitDescendant(stubborn);
        stubborn.requestStop();
        stubborn.awaitStopped(Duration.ofMillis(500));
        assertEquals(0, clean.get(), "killed after the grace period: not clean");

        ServiceProcess polite = ServiceProcess.start(spec, List.of("sleep", "300"), Map.of(), dir, dir.resolve("polite.log"),
                clean::incrementAndGet);
        polite.requestStop();
        polite.awaitStopped(Duration.ofSeconds(20));
        assertEquals(1, clean.get(), "ended by itself on SIGTERM: clean");
    }

    private static void awaitDescendant(ServiceProcess process) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (ProcessHandle.of(process.pid()).orElseThrow().descendants().findAny().isPresent()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the shell started no child");
    }
}
