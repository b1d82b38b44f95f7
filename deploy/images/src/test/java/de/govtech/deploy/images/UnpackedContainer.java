package de.govtech.deploy.images;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an image without a container engine: its unpacked layers as the root directory, as the image's user, with its
 * entrypoint, environment and working directory. {@code unshare} gives the process its own mount and PID namespaces
 * (so /proc and /dev are mounted for it alone and vanish with it) and then changes root, directory and user; the
 * network stays the host's, so the process reaches PostgreSQL and Kafka on loopback. Needs root.
 */
final class UnpackedContainer implements AutoCloseable {

    private static final String UNSHARE = "/usr/bin/unshare";

    private final Process process;
    private final Path log;
    private final String name;

    private UnpackedContainer(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * @param user the image's user, {@code uid[:gid]} (numeric, as Quarkus writes it)
     * @param env the image's Env entries ({@code NAME=value}) followed by the deployment's
     */
    static UnpackedContainer start(String name, Path rootfs, String user, String workingDir, List<String> entrypoint,
            Map<String, String> env, Path log) throws IOException {
        if (user.isBlank() || !user.split(":")[0].matches("\\d+")) {
            throw new IllegalArgumentException(name + ": the image's user must be numeric, not '" + user + "'");
        }
        String[] ids = user.split(":");
        String uid = ids[0];
        String gid = ids.length > 1 ? ids[1] : "0";
        Files.createDirectories(rootfs.resolve("proc"));
        Files.createDirectories(rootfs.resolve("dev"));
        List<String> command = new ArrayList<>(List.of(UNSHARE, "--mount", "--pid", "--fork", "--", "/bin/sh", "-c",
                "root=\"$0\"; wd=\"$1\"; uid=\"$2\"; gid=\"$3\"; shift 3; "
                        + "mount -t proc proc \"$root/proc\" && mount --rbind /dev \"$root/dev\" && exec " + UNSHARE
                        + " --root=\"$root\" --wd=\"$wd\" --setuid=\"$uid\" --setgid=\"$gid\" -- \"$@\"",
                rootfs.toString(), workingDir, uid, gid));
        command.addAll(entrypoint);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        UnpackedContainer container = new UnpackedContainer(name, process, log);
        Runtime.getRuntime().addShutdownHook(new Thread(container::close));
        return container;
    }

    /** Waits until GET /q/health/ready answers 200 with status UP. */
    void awaitReady(int port, Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + " (last: " + last + "):\n" + tail());
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        // the application is PID 1 of its namespace, below the outer unshare: SIGTERM to it first (a graceful
        // Quarkus shutdown), then SIGKILL to whatever is left; the namespace's mounts vanish with its last process
        List<ProcessHandle> below = process.descendants().toList();
        below.forEach(ProcessHandle::destroy);
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        below.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
