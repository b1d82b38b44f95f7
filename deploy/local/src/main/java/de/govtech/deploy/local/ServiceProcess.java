package de.govtech.deploy.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** One Quarkus application running as a child JVM, its output going to a log file. */
final class ServiceProcess {

    private final ServiceSpec spec;
    private final ChildProcess child;
    private final Runnable afterCleanStop;

    private ServiceProcess(ServiceSpec spec, ChildProcess child, Runnable afterCleanStop) {
        this.spec = spec;
        this.child = child;
        this.afterCleanStop = afterCleanStop;
    }

    static ServiceProcess start(ServiceSpec spec, List<String> command, Map<String, String> env, Path workDir,
                                Path logFile) {
        return start(spec, command, env, workDir, logFile, () -> { });
    }

    /** {@code afterCleanStop}: runs once the application, asked to stop, ended by itself within the grace period. */
    static ServiceProcess start(ServiceSpec spec, List<String> command, Map<String, String> env, Path workDir,
                                Path logFile, Runnable afterCleanStop) {
        try {
            return new ServiceProcess(spec, ChildProcess.start(spec.name(), command, env, workDir, logFile), afterCleanStop);
        } catch (IOException e) {
            throw new StackException("Cannot start " + spec.name() + ": " + e.getMessage(), logFile, e);
        }
    }

    ServiceSpec spec() {
        return spec;
    }

    ChildProcess child() {
        return child;
    }

    String name() {
        return spec.name();
    }

    Path logFile() {
        return child.logFile();
    }

    long pid() {
        return child.pid();
    }

    long startedNanos() {
        return child.startedNanos();
    }

    boolean isAlive() {
        return child.isAlive();
    }

    int exitValue() {
        return child.exitValue();
    }

    CompletableFuture<Process> onExit() {
        return child.onExit();
    }

    /** SIGTERM (Quarkus shuts down gracefully on it); {@link #awaitStopped} follows up. */
    void requestStop() {
        child.requestStop();
    }

    /** Waits for the stop asked for; past the grace period SIGKILLs the process and whatever it started. */
    void awaitStopped(Duration grace) {
        if (child.awaitStopped(grace)) {
            afterCleanStop.run();
        }
    }
}
