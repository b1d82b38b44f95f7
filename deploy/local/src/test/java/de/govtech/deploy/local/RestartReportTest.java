package de.govtech.deploy.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A restart shows on the console, in children.pid and in {@code stack.sh status}. */
class RestartReportTest {

    @TempDir
    Path repo;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), false, false);
    private final List<String> withLog = new ArrayList<>();
    private StackLayout layout;
    private Process launcher;
    private ChildProcess child;

    @BeforeEach
    void runningStack() throws Exception {
        layout = new StackLayout(repo, repo.resolve("data"));
        layout.prepare();
        launcher = new ProcessBuilder("sleep", "60").start();
        ChildPids.recordLauncher(layout, launcher.toHandle());
        child = ChildProcess.start("membership-service", List.of("sleep", "60"), Map.of(), repo,
                layout.logFile("membership-service"));
    }

    @AfterEach
    void end() {
        child.requestStop();
        child.awaitStopped(Duration.ofSeconds(5));
        launcher.destroyForcibly();
    }

    @Test
    void aDeathAndItsRestartAreReportedAndShownByStatus() {
        RestartReport report = new RestartReport(terminal, layout, Map.of("membership-service", 8081),
                (what, log) -> withLog.add(what + " | " + log.getFileName()));

        report.died(child, 137, new RestartPolicy.Restart(1, Duration.ofSeconds(1)));
        assertTrue(status().contains("DOWN, exited with code 137 at "), status());
        assertTrue(status().contains("; restart 1 in 1 s"), status());
        report.restarted(child, 1);

        assertEquals(1, withLog.size(), withLog.toString());
        assertTrue(withLog.get(0).startsWith("membership-service stopped unexpectedly: exited with code 137 at "), withLog.toString());
        assertTrue(withLog.get(0).endsWith("| membership-service.log"), withLog.toString());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("membership-service restarted (pid " + child.pid()
                + ", restart 1 in a row)"), out.toString(StandardCharsets.UTF_8));
        assertTrue(ChildPids.read(layout).stream().anyMatch(e -> e.pid() == child.pid() && e.port() == 8081));
        assertTrue(status().contains("restarted 1x by the launcher, last at "), status());
        assertTrue(status().contains("(pid " + child.pid() + ")"), status());
    }

    @Test
    void aGiveUpIsShownByStatusWithTheLog() {
        RestartReport report = new RestartReport(terminal, layout, Map.of(), (what, log) -> withLog.add(what));

        report.gaveUp(child, "exited with code 1, 9 times in a row; not restarted any more");

        assertEquals(List.of("membership-service keeps dying: exited with code 1, 9 times in a row; not restarted any more"),
                withLog);
        assertTrue(status().contains("DOWN, given up at "), status());
        assertTrue(status().contains("membership-service.log"), status());
    }

    @Test
    void statusShowsNoRestartsOnceTheLauncherIsGone() {
        new RestartReport(terminal, layout, Map.of(), (what, log) -> withLog.add(what)).restarted(child, 1);
        launcher.destroyForcibly();
        launcher.onExit().join();

        assertTrue(!status().contains("restarted"), status());
    }

    /** The membership-service line of {@code status}, on ports where nothing listens. */
    private String status() {
        ByteArrayOutputStream statusOut = new ByteArrayOutputStream();
        Terminal statusTerminal = new Terminal(new PrintStream(statusOut, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()), false, false);
        new CommandLine(new StatusCommand(statusTerminal)).execute("--port-offset", "31000", "--data-dir",
                layout.dataDir().toString());
        return statusOut.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("membership-service"))
                .findFirst().orElse("(no membership-service line)");
    }
}
