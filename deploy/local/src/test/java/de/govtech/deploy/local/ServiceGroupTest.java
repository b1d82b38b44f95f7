package de.govtech.deploy.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A group of applications that ignore SIGTERM is killed once the one grace period of the whole group has passed. */
class ServiceGroupTest {

    private static final Duration GRACE = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private final List<ServiceProcess> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(s -> s.child().awaitStopped(Duration.ZERO));
    }

    @Test
    void theGroupGetsOneGracePeriodNotOnePerMember() {
        ServiceGroup group = new ServiceGroup();
        for (ServiceSpec spec : List.of(ServiceSpec.MEMBERSHIP, ServiceSpec.LEARNING, ServiceSpec.SOLUTIONS,
                ServiceSpec.MARKETPLACE)) {
            // like a JVM still busy at exit (writing its class-data archive): SIGTERM changes nothing
            ServiceProcess process = ServiceProcess.start(spec, List.of("sh", "-c", "trap '' TERM; sleep 60 & wait"),
                    Map.of(), dir, dir.resolve("logs/" + spec.name() + ".log"));
            started.add(process);
            group.add(process);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

        long begin = System.nanoTime();
        group.stopAll(GRACE, new Terminal(print, print, false, false));
        Duration took = Duration.ofNanos(System.nanoTime() - begin);

        // one grace period (2 s) and the kill; four in a row would be 8 s and more
        assertTrue(took.compareTo(Duration.ofSeconds(6)) < 0, "the group took " + took + ":\n" + out);
        for (ServiceProcess process : started) {
            assertFalse(process.child().isAlive(), process.name() + " still runs");
        }
    }
}
