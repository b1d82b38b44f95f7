package de.govtech.platform.testkit.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The packaged launcher running in a child JVM, started the way ./stack.sh starts it after the build. Its output
 * goes to a file, every process below it is remembered and {@link #close()} leaves nothing behind, even when a
 * test failed half-way. Usable by any system test that needs the whole platform.
 */
public final class LauncherRun implements AutoCloseable {

    /** The last line of the summary (see UpCommand): once it is printed the stack is up. */
    private static final List<String> SUMMARY_END = List.of("Press Ctrl-C to stop", "Stop with: kill ");
    /** The launcher's system property naming the repository root (deploy/local StackLayout). */
    public static final String ROOT_PROPERTY = "govtech.stack.root";
    private static final String SUMMARY_START = "GovTech Kommunal platform is running";

    private final Process process;
    private final Path dataDir;
    /** The launcher writes straight into it: reading a pipe races with the JVM draining it at the child's exit. */
    private final Path outputFile;
    private final Map<Long, ProcessHandle> seen = new ConcurrentHashMap<>();
    private final Thread shutdownHook;

    private LauncherRun(Process process, Path dataDir, Path outputFile) {
        this.process = process;
        this.dataDir = dataDir;
        this.outputFile = outputFile;
        Thread sampler = new Thread(this::sampleDescendants, "launcher-children-" + process.pid());
        sampler.setDaemon(true);
        sampler.start();
        // a test JVM that is ended (failsafe's timeout, Ctrl-C) must not leave the stack running
        shutdownHook = new Thread(this::killEverything, "launcher-cleanup-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * {@code java -Xmx256m -XX:+UseSerialGC -Dgovtech.stack.root=<root> -jar <launcher jar> up --data-dir <dataDir>
     * <more args>}, run in {@code root}; its output (stdout and stderr) goes to {@code outputFile}.
     */
    public static LauncherRun up(Path root, Path launcherJar, Path dataDir, List<String> moreArgs, Path outputFile) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC",
                "-D" + ROOT_PROPERTY + "=" + root,
                "-jar", launcherJar.toString()));
        command.addAll(List.of("up", "--data-dir", dataDir.toString()));
        command.addAll(moreArgs);
        try {
            Files.createDirectories(outputFile.getParent());
            Process process = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(outputFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            return new LauncherRun(process, dataDir, outputFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command, e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public String output() {
        try {
            return Files.readString(outputFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "[cannot read " + outputFile + ": " + e + "]";
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the summary is printed; fails (with the output) when the launcher exits first or takes too long. */
    public void awaitSummary(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String text = output();
            int start = text.indexOf(SUMMARY_START);
            if (start >= 0 && SUMMARY_END.stream().anyMatch(end -> text.indexOf(end, start) >= 0)) {
                return;
            }
            if (!process.isAlive()) {
                process.waitFor();
                throw new AssertionError("The launcher exited with code " + process.exitValue()
                        + " before printing the summary:\n" + output());
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No summary within " + timeout.toSeconds() + " s:\n" + output());
    }

    /** Every process below the launcher right now. */
    public List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    /** SIGTERM, as {@code kill <pid>} would; returns the exit code or fails when it does not exit in time. */
    public int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The launcher did not exit within " + timeout.toSeconds() + " s of SIGTERM:\n"
                    + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        killEverything();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
    }

    /** SIGTERM to the launcher (it stops the stack in order), up to 60 s, then SIGKILL for whatever is left. */
    private void killEverything() {
        descendants().forEach(p -> seen.put(p.pid(), p));
        if (process.isAlive()) {
            process.destroy();
            try {
                process.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (process.isAlive()) {
            descendants().forEach(p -> seen.put(p.pid(), p));
            process.destroyForcibly();
        }
        // ProcessHandle remembers each process's start time: a pid reused meanwhile is not touched
        seen.values().stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        postmaster().ifPresent(LauncherRun::endPostgres);
    }

    /** pg_ctl detaches PostgreSQL from the launcher, so it is found by its pid file, not among the descendants. */
    public Optional<ProcessHandle> postmaster() {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
            return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void endPostgres(ProcessHandle postmaster) {
        postmaster.destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients are gone by now
        try {
            postmaster.onExit().get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // fall through to SIGKILL
        }
        if (postmaster.isAlive()) {
            postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
            postmaster.destroyForcibly();
        }
    }

    private void sampleDescendants() {
        while (process.isAlive()) {
            process.descendants().forEach(p -> seen.put(p.pid(), p));
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
