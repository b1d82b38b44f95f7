package de.govtech.deploy.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What still runs from a data dir, recorded the way the launcher records it (children.pid, launcher.pid). */
class DataDirProcessesTest {

    @TempDir
    Path repo;

    private StackLayout layout;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void dataDir() {
        layout = new StackLayout(repo, repo.resolve("data"));
        layout.prepare();
    }

    @AfterEach
    void endProcesses() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aNewStartStopsTheChildrenOfAKilledLauncher() throws Exception {
        Process leftover = sleeper();
        ChildPids.add(layout, leftover.pid(), 8081, "membership-service");
        Process deadLauncher = new ProcessBuilder("true").start();
        deadLauncher.waitFor();
        ChildPids.recordLauncher(layout, deadLauncher.toHandle());
        DataDirProcesses processes = new DataDirProcesses(layout);

        assertDoesNotThrow(processes::refuseIfAnotherLauncherRuns);
        List<DataDirProcesses.Running> stopped = processes.stopLeftovers(5_000);

        assertEquals(List.of("membership-service (pid " + leftover.pid() + ")"),
                stopped.stream().map(DataDirProcesses.Running::describe).toList());
        assertFalse(leftover.isAlive());
        assertEquals(143, leftover.exitValue(), "SIGTERM first");
    }

    @Test
    void aProcessThatOnlyGotARecordedPidIsLeftAlone() throws Exception {
        Process stranger = sleeper();
        Files.writeString(ChildPids.file(layout), stranger.pid() + " 12345 8081 membership-service\n", StandardCharsets.UTF_8);
        DataDirProcesses processes = new DataDirProcesses(layout);

        assertEquals(List.of(), processes.stopLeftovers(1_000));
        assertTrue(stranger.isAlive());
        assertDoesNotThrow(processes::refuseWipeWhileRunning);
    }

    @Test
    void aStartIsRefusedWhileTheLauncherOfTheDataDirRuns() throws Exception {
        Process otherLauncher = sleeper();
        ChildPids.recordLauncher(layout, otherLauncher.toHandle());

        StackException e = assertThrows(StackException.class, new DataDirProcesses(layout)::refuseIfAnotherLauncherRuns);

        assertTrue(e.getMessage().contains("A stack already runs from " + layout.dataDir() + " (launcher pid "
                + otherLauncher.pid() + ")"), e.getMessage());
    }

    @Test
    void thisLauncherDoesNotCountAsAnother() {
        ChildPids.recordLauncher(layout);

        assertDoesNotThrow(new DataDirProcesses(layout)::refuseIfAnotherLauncherRuns);
    }

    @Test
    void wipeIsRefusedWhileARecordedChildRunsAndAllowedOnceItHasEnded() throws Exception {
        Process child = sleeper();
        ChildPids.add(layout, child.pid(), 8090, "sample broker");
        DataDirProcesses processes = new DataDirProcesses(layout);

        StackException e = assertThrows(StackException.class, processes::refuseWipeWhileRunning);

        assertTrue(e.getMessage().contains("Refusing to wipe " + layout.dataDir()), e.getMessage());
        assertTrue(e.getMessage().contains("sample broker (pid " + child.pid() + ")"), e.getMessage());
        assertTrue(e.getMessage().contains("kill " + child.pid()), e.getMessage());
        child.destroy();
        child.waitFor();
        assertDoesNotThrow(processes::refuseWipeWhileRunning);
    }

    private Process sleeper() throws IOException {
        Process process = new ProcessBuilder("sleep", "300").start();
        started.add(process);
        return process;
    }
}
