package de.govtech.deploy.local;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A process the launcher runs itself (an application, the sample broker): output to its log file, stdin from
 * /dev/null, guarded by a {@link Watchdog}, and restartable with the same command once it has died. After
 * {@link #requestStop()} it is never started again, so a restart cannot race a stop.
 */
final class ChildProcess {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String name;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path workDir;
    private final Path logFile;
    private volatile Process process;
    private volatile long startedNanos;
    private boolean stopRequested;
    private volatile List<ProcessHandle> descendantsAtStop = List.of();

    private ChildProcess(String name, List<String> command, Map<String, String> env, Path workDir, Path logFile) {
        this.name = name;
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
        this.workDir = workDir;
        this.logFile = logFile;
    }

    /** Starts it, rewriting its log file. */
    static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path logFile)
            throws IOException {
        ChildProcess child = new ChildProcess(name, command, env, workDir, logFile);
        Files.createDirectories(logFile.getParent());
        child.launch(ProcessBuilder.Redirect.to(logFile.toFile()));
        return child;
    }

    /**
     * Starts it again with the same command when it has ended, appending to its log. Returns false (and starts
     * nothing) once a stop was requested or while it still runs.
     */
    synchronized boolean restart() throws IOException {
        if (stopRequested || process.isAlive()) {
            return false;
        }
        Files.writeString(logFile, "=== " + LocalDateTime.now().format(TIME) + " restarted by the launcher (it had exited with code "
                        + process.exitValue() + ")" + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        launch(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        return true;
    }

    private void launch(ProcessBuilder.Redirect output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output)
                // nothing of ours reads from the terminal; the child must not either
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        Process started = builder.start();
        startedNanos = System.nanoTime();
        process = started;
        Watchdog.guard(started.pid(), name, logFile.getParent());
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** When the current incarnation started. */
    long startedNanos() {
        return startedNanos;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** The end of the current incarnation. */
    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    synchronized boolean stopRequested() {
        return stopRequested;
    }

    /** SIGTERM (the JVMs shut down gracefully on it); {@link #awaitStopped} follows up. No restart after this. */
    synchronized void requestStop() {
        stopRequested = true;
        if (process.isAlive()) {
            descendantsAtStop = process.descendants().toList();
            process.destroy();
        }
    }

    /**
     * Waits for the stop asked for; past the grace period SIGKILLs the process and whatever it started. Returns
     * whether it ended by itself within the grace period.
     */
    boolean awaitStopped(Duration grace) {
        Process current = process;
        boolean byItself = false;
        try {
            byItself = current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            if (!byItself) {
                List<ProcessHandle> all = new ArrayList<>(descendantsAtStop);
                all.addAll(current.descendants().toList());
                current.destroyForcibly();
                all.forEach(ProcessHandle::destroyForcibly);
                current.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            current.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendantsAtStop.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return byItself;
    }
}
