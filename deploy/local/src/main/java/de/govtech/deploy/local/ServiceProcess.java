package de.govtech.deploy.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One Quarkus application running as a child JVM, its output going to a log file. */
final class ServiceProcess {

    private final ServiceSpec spec;
    private final Process process;
    private final Path logFile;
    private final long startedNanos;
    private volatile List<ProcessHandle> descendantsAtStop = List.of();

    private ServiceProcess(ServiceSpec spec, Process process, Path logFile) {
        this.spec = spec;
        this.process = process;
        this.logFile = logFile;
        this.startedNanos = System.nanoTime();
    }

    static ServiceProcess start(ServiceSpec spec, List<String> command, Map<String, String> env, Path workDir,
                                Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                    // nothing of ours reads from the terminal; the child must not either
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(env);
            return new ServiceProcess(spec, builder.start(), logFile);
        } catch (IOException e) {
            throw new StackException("Cannot start " + spec.name() + ": " + e.getMessage(), logFile, e);
        }
    }

    ServiceSpec spec() {
        return spec;
    }

    String name() {
        return spec.name();
    }

    Path logFile() {
        return logFile;
    }

    long pid() {
        return process.pid();
    }

    long startedNanos() {
        return startedNanos;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** SIGTERM (Quarkus shuts down gracefully on it); {@link #awaitStopped} follows up. */
    void requestStop() {
        if (process.isAlive()) {
            descendantsAtStop = process.descendants().toList();
            process.destroy();
        }
    }

    /** Waits for the stop asked for; past the grace period SIGKILLs the process and whatever it started. */
    void awaitStopped(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                List<ProcessHandle> all = new ArrayList<>(descendantsAtStop);
                all.addAll(process.descendants().toList());
                process.destroyForcibly();
                all.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendantsAtStop.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
