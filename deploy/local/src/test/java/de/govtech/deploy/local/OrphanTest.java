package de.govtech.deploy.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 11: a launcher killed with SIGKILL leaves no PostgreSQL or application behind. */
class OrphanTest {

    @TempDir
    Path dir;

    private Process launcher;
    private final List<Long> children = new ArrayList<>();

    @AfterEach
    void endEverything() throws Exception {
        if (launcher != null) {
            launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (long pid : children) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void theChildrenOfALauncherKilledWithSigkillEndWithinSeconds() throws Exception {
        Path data = dir.resolve("data");
        launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), OrphanLauncher.class.getName(), data.toString())
                .redirectErrorStream(true)
                .start();
        Map<String, Long> pids = readPids(launcher);
        children.addAll(pids.values());
        ProcessHandle postgres = ProcessHandle.of(pids.get("postgres")).orElseThrow();
        ProcessHandle app = ProcessHandle.of(pids.get("app")).orElseThrow();
        assertTrue(postgres.isAlive() && app.isAlive());

        launcher.destroyForcibly(); // SIGKILL: no shutdown hook, no signal handler
        assertTrue(launcher.waitFor(10, TimeUnit.SECONDS));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while ((postgres.isAlive() || app.isAlive()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        String watchdogLog = Files.readString(data.resolve("logs").resolve(Watchdog.LOG_NAME));
        assertFalse(app.isAlive(), "the application survived its launcher; " + watchdogLog);
        assertFalse(postgres.isAlive(), "PostgreSQL survived its launcher; " + watchdogLog);
        assertTrue(watchdogLog.contains("stopping PostgreSQL (pid " + postgres.pid() + ") with SIGINT"), watchdogLog);
        assertTrue(watchdogLog.contains("stopping sleepy-service (pid " + app.pid() + ") with SIGTERM"), watchdogLog);
        assertEquals(List.of(), new DataDirProcesses(new StackLayout(dir, data)).running());
    }

    private static Map<String, Long> readPids(Process launcher) throws Exception {
        Map<String, Long> pids = new HashMap<>();
        StringBuilder output = new StringBuilder();
        BufferedReader reader = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
        Thread timeout = new Thread(() -> {
            try {
                Thread.sleep(90_000);
                launcher.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        timeout.setDaemon(true);
        timeout.start();
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.append(line).append('\n');
                if (line.equals("ready")) {
                    return pids;
                }
                String[] parts = line.split(" ");
                if (parts.length == 2 && parts[1].matches("\\d+")) {
                    pids.put(parts[0], Long.parseLong(parts[1]));
                }
            }
        } finally {
            timeout.interrupt();
        }
        throw new AssertionError("the launcher ended before it was ready:\n" + output);
    }
}
