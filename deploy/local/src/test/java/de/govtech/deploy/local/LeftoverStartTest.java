package de.govtech.deploy.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real launcher (StackMain in a child JVM) on a data dir with processes of an earlier launcher. Nothing is built
 * in the temporary repository, so after these checks the start ends with "Not built yet".
 */
class LeftoverStartTest {

    @TempDir
    Path repo;

    private StackLayout layout;
    private Process leftover;
    private Process otherLauncher;

    @BeforeEach
    void dataDirWithALeftover() throws Exception {
        layout = new StackLayout(repo, repo.resolve("data"));
        layout.prepare();
        leftover = new ProcessBuilder("sleep", "300").start();
        ChildPids.add(layout, leftover.pid(), 8084, "marketplace-service");
    }

    @AfterEach
    void end() {
        leftover.destroyForcibly();
        if (otherLauncher != null) {
            otherLauncher.destroyForcibly();
        }
    }

    @Test
    void aStartStopsWhatAKilledLauncherOfTheDataDirLeftRunning() throws Exception {
        String output = launch();

        assertTrue(output.contains("Stopping what an earlier launcher of " + layout.dataDir() + " left running"), output);
        assertTrue(output.contains("stopped marketplace-service (pid " + leftover.pid() + ")"), output);
        assertTrue(leftover.waitFor(5, TimeUnit.SECONDS), "the leftover still runs");
        assertTrue(output.contains("Not built yet"), output);
    }

    @Test
    void aStartIsRefusedWhileTheLauncherOfTheDataDirStillRuns() throws Exception {
        otherLauncher = new ProcessBuilder("sleep", "300").start();
        ChildPids.recordLauncher(layout, otherLauncher.toHandle());

        String output = launch();

        assertTrue(output.contains("A stack already runs from " + layout.dataDir() + " (launcher pid "
                + otherLauncher.pid() + ")"), output);
        assertFalse(output.contains("Stopping what an earlier launcher"), output);
        assertTrue(leftover.isAlive(), "a running launcher's child is its own business");
        assertEquals(1, ChildPids.read(layout).size(), "the other launcher's records stay");
    }

    private String launch() throws Exception {
        Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-D" + StackLayout.ROOT_PROPERTY + "=" + repo, "-cp", System.getProperty("java.class.path"),
                StackMain.class.getName(), "--data-dir", layout.dataDir().toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(launcher.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, launcher.exitValue(), output);
        return output;
    }
}
