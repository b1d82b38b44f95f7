package de.govtech.deploy.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The sample vendor broker (deploy/sample-broker, Open Service Broker API 2.17) as a child JVM: the broker of the
 * seeded demo app. Ready when {@code GET /health} answers UP; stopped with SIGTERM like the services.
 */
final class SampleBrokerProcess {

    static final String NAME = "sample broker";
    /** Dev credentials: the demo listing stores them (write-only) so the marketplace can call the broker. */
    static final String USERNAME = "broker";
    static final String PASSWORD = "broker-secret";
    /** Long enough to watch a subscription in PROVISIONING in the demo, short enough not to bore. */
    static final String PROVISION_DELAY = "PT5S";
    private static final List<String> JVM_OPTIONS = List.of("-Xmx64m", "-XX:+UseSerialGC");
    private static final long POLL_MILLIS = 250;

    private final ChildProcess child;
    private final int port;

    private SampleBrokerProcess(ChildProcess child, int port) {
        this.child = child;
        this.port = port;
    }

    static String baseUrl(int port) {
        return "http://localhost:" + port;
    }

    static String healthUrl(int port) {
        return baseUrl(port) + "/health";
    }

    /** The command line: the runnable jar with the port and the dev credentials. */
    static List<String> command(Path jar, int port) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", jar.toString(), "--port", Integer.toString(port), "--username", USERNAME,
                "--password", PASSWORD, "--provision-delay", PROVISION_DELAY));
        return command;
    }

    static SampleBrokerProcess start(List<String> command, int port, Path workDir, Path logFile) {
        try {
            return new SampleBrokerProcess(ChildProcess.start(NAME, command, Map.of(), workDir, logFile), port);
        } catch (IOException e) {
            throw new StackException("Cannot start the " + NAME + ": " + e.getMessage(), logFile, e);
        }
    }

    ChildProcess child() {
        return child;
    }

    String baseUrl() {
        return baseUrl(port);
    }

    int port() {
        return port;
    }

    long pid() {
        return child.pid();
    }

    long startedNanos() {
        return child.startedNanos();
    }

    Path logFile() {
        return child.logFile();
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

    /** Polls {@code /health} until UP; fails naming the log when the process exits or the time is up. */
    void awaitReady(HealthProbe probe, Duration timeout) throws InterruptedException {
        while (true) {
            if (!child.isAlive()) {
                throw new StackException("The " + NAME + " exited with code " + child.exitValue() + " while starting.",
                        child.logFile());
            }
            HealthProbe.Result health = probe.check(healthUrl(port));
            if (health.up()) {
                return;
            }
            if (ProgressBoard.secondsSince(child.startedNanos()) > timeout.toSeconds()) {
                throw new StackException("The " + NAME + " was not ready within " + timeout.toSeconds() + " s ("
                        + health.detail() + " from " + healthUrl(port) + ").", child.logFile());
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** SIGTERM, then SIGKILL after the grace period. */
    void stop(Duration grace) {
        child.requestStop();
        child.awaitStopped(grace);
    }
}
