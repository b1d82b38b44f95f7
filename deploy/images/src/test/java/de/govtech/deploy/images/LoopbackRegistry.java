package de.govtech.deploy.images;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An OCI registry on 127.0.0.1 (Debian's {@code docker-registry}, the CNCF distribution registry) with its storage in
 * a directory. Installed with apt-get when missing and running as root (as in CI); otherwise it fails with the one
 * line that installs it.
 */
final class LoopbackRegistry implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/docker-registry");
    static final String INSTALL = "sudo apt-get install -y docker-registry";

    private final Process process;
    private final int port;

    private LoopbackRegistry(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static LoopbackRegistry start(Path dir) throws IOException, InterruptedException {
        ensureInstalled();
        Files.createDirectories(dir.resolve("storage"));
        int port = freePort();
        Path config = dir.resolve("config.yml");
        Files.writeString(config, """
                version: 0.1
                log:
                  level: warn
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:%d
                """.formatted(dir.resolve("storage").toAbsolutePath(), port));
        Process process = new ProcessBuilder(BINARY.toString(), "serve", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("registry.log").toFile())
                .start();
        LoopbackRegistry registry = new LoopbackRegistry(process, port);
        Runtime.getRuntime().addShutdownHook(new Thread(registry::close));
        registry.awaitUp(Duration.ofSeconds(30));
        return registry;
    }

    /** host:port, e.g. 127.0.0.1:41234 */
    String address() {
        return "127.0.0.1:" + port;
    }

    URI api(String path) {
        return URI.create("http://" + address() + "/v2/" + path);
    }

    private void awaitUp(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited with " + process.exitValue() + " (see registry.log)");
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(api("")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("docker-registry did not answer /v2/ within " + timeout);
    }

    private static void ensureInstalled() throws IOException, InterruptedException {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root && (aptInstall() || (run(List.of("apt-get", "update")) && aptInstall()))) {
            return;
        }
        throw new IllegalStateException("docker-registry is missing; install it: " + INSTALL);
    }

    private static boolean aptInstall() throws IOException, InterruptedException {
        return run(List.of("apt-get", "install", "-y", "-q", "docker-registry")) && Files.isExecutable(BINARY);
    }

    private static boolean run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process process = builder.start();
        return process.waitFor(5, TimeUnit.MINUTES) && process.exitValue() == 0;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
