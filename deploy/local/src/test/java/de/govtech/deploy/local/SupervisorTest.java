package de.govtech.deploy.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 11: a child that dies is restarted with a growing back-off, and one that keeps dying is given up on. */
class SupervisorTest {

    private static final RestartPolicy FAST =
            new RestartPolicy(Duration.ofMillis(200), Duration.ofMillis(800), Duration.ofSeconds(30), 4);

    @TempDir
    Path dir;

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch gaveUp = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private Supervisor supervisor;
    private ChildProcess child;

    @AfterEach
    void stop() {
        supervisor.close();
        if (child != null) {
            child.requestStop();
            child.awaitStopped(Duration.ofSeconds(5));
        }
    }

    @Test
    void aChildThatKeepsDyingIsRestartedWithAGrowingBackOffThenReportedAndLeftDown() throws Exception {
        Path starts = dir.resolve("starts");
        supervisor = new Supervisor(FAST, Duration.ZERO, stopping::get, recorder());
        child = ChildProcess.start("flaky", List.of("sh", "-c", "date +%s%N >> starts; exit 3"), Map.of(), dir,
                dir.resolve("logs/flaky.log"));

        supervisor.supervise(child);

        assertTrue(gaveUp.await(20, TimeUnit.SECONDS), events.toString());
        assertEquals(List.of("died 3, restart 1 in 200 ms", "restarted 1", "died 3, restart 2 in 400 ms", "restarted 2",
                "died 3, restart 3 in 800 ms", "restarted 3", "died 3, restart 4 in 800 ms", "restarted 4",
                "gave up: exited with code 3, 5 times in a row; not restarted any more"), events);
        List<Long> gaps = gapsMillis(starts);
        assertEquals(4, gaps.size(), gaps.toString());
        assertTrue(gaps.get(0) >= 190 && gaps.get(1) >= 390 && gaps.get(2) >= 790 && gaps.get(3) >= 790, gaps.toString());
        assertTrue(gaps.get(2) > gaps.get(0) + 400, "the back-off grows: " + gaps);
        Thread.sleep(1_500);
        assertEquals(5, Files.readAllLines(starts).size(), "given up means not started again");
        String log = Files.readString(dir.resolve("logs/flaky.log"));
        assertTrue(log.contains("restarted by the launcher (it had exited with code 3)"), log);
    }

    @Test
    void aChildThatDiesWhileTheStackStopsIsNotRestarted() throws Exception {
        Path starts = dir.resolve("starts");
        supervisor = new Supervisor(FAST, Duration.ZERO, stopping::get, recorder());
        child = ChildProcess.start("flaky", List.of("sh", "-c", "date +%s%N >> starts; sleep 1; exit 1"), Map.of(), dir,
                dir.resolve("flaky.log"));
        supervisor.supervise(child);
        awaitEvent("restarted 1");

        stopping.set(true);
        child.onExit().get(5, TimeUnit.SECONDS);
        Thread.sleep(800);

        assertEquals(2, Files.readAllLines(starts).size(), events.toString());
    }

    @Test
    void aChildAskedToStopIsNotStartedAgain() throws Exception {
        Path starts = dir.resolve("starts");
        supervisor = new Supervisor(FAST, Duration.ZERO, stopping::get, recorder());
        child = ChildProcess.start("flaky", List.of("sh", "-c", "date +%s%N >> starts; exit 1"), Map.of(), dir,
                dir.resolve("flaky.log"));
        supervisor.supervise(child);
        awaitEvent("died 1, restart 1 in 200 ms");

        child.requestStop();
        Thread.sleep(600);

        assertEquals(1, Files.readAllLines(starts).size(), events.toString());
    }

    private Supervisor.Listener recorder() {
        return new Supervisor.Listener() {
            @Override
            public void died(ChildProcess c, int exitCode, RestartPolicy.Restart restart) {
                events.add("died " + exitCode + ", restart " + restart.inARow() + " in " + restart.delay().toMillis() + " ms");
            }

            @Override
            public void restarted(ChildProcess c, int restartsInARow) {
                events.add("restarted " + restartsInARow);
            }

            @Override
            public void gaveUp(ChildProcess c, String why) {
                events.add("gave up: " + why);
                gaveUp.countDown();
            }
        };
    }

    private void awaitEvent(String event) throws InterruptedException {
        for (int i = 0; i < 100 && !events.contains(event); i++) {
            Thread.sleep(50);
        }
        assertTrue(events.contains(event), events.toString());
    }

    private static List<Long> gapsMillis(Path starts) throws Exception {
        List<Long> nanos = Files.readAllLines(starts).stream().map(Long::parseLong).toList();
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < nanos.size(); i++) {
            gaps.add(TimeUnit.NANOSECONDS.toMillis(nanos.get(i) - nanos.get(i - 1)));
        }
        return gaps;
    }
}
