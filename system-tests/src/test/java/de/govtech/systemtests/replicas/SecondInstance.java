package de.govtech.systemtests.replicas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A second instance of a service the stack runs: the same command line ({@code java … -jar
 * <module>/target/quarkus-app/quarkus-run.jar}), working directory and environment as the launcher gave the first
 * one — read from the first one's {@code /proc/<pid>/cmdline}, {@code cwd} and {@code environ}, so the same database,
 * Kafka, Keycloak and broker-password key — on another free port, with its output in a log file of its own.
 * {@link #close()} stops it (SIGTERM, then SIGKILL of it and whatever it started).
 */
final class SecondInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final int port;
    private final Path logFile;

    private SecondInstance(String name, Process process, int port, Path logFile) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /**
     * Starts a second instance of {@code module} like its first one, which listens on {@code firstPort};
     * {@code jvmOptions} go before {@code -jar}, {@code environment} is laid over the copied environment.
     */
    static SecondInstance startLike(String module, int firstPort, List<String> jvmOptions, Map<String, String> environment,
                                    Path logFile) {
        RunningProcess first = RunningProcess.find(module + "/target/quarkus-app/quarkus-run.jar", firstPort);
        int port = freePort();
        List<String> command = new ArrayList<>(first.commandLine());
        command.addAll(command.indexOf("-jar"), jvmOptions);
        Map<String, String> env = new LinkedHashMap<>(first.environment());
        // a busy machine may take longer than the default 5 s to open a database connection while the instance starts
        env.putIfAbsent("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "60S");
        env.putAll(environment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(first.workingDir().toFile())
                    .redirectErrorStream(true).redirectOutput(logFile.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().clear();
            builder.environment().putAll(env);
            return new SecondInstance(module, builder.start(), port, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a second " + module, e);
        }
    }

    /** Waits for {@code /q/health/ready} to be 200; fails with the log's tail if it dies or does not get there in time. */
    SecondInstance awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the second " + name + " exited with " + process.exitValue() + "\n" + logTail());
            }
            if (ready()) {
                return this;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the second " + name + " was not ready within " + timeout.toSeconds() + " s\n" + logTail());
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    Path logFile() {
        return logFile;
    }

    List<String> logLines() {
        try {
            return Files.readAllLines(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String logTail() {
        List<String> lines = Files.exists(logFile) ? logLines() : List.of();
        return "----- last lines of " + logFile + " -----\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private boolean ready() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A port nobody listens on now (the instance binds it a moment later). */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
