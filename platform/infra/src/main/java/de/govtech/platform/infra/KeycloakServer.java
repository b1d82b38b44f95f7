package de.govtech.platform.infra;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.RandomAccessFile;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A real Keycloak ({@code bin/kc.sh start-dev}) as a child process, backed by PostgreSQL, with a realm imported at
 * start. Development and tests only: it runs in dev mode with the bootstrap admin {@value #BOOTSTRAP_ADMIN_USERNAME}
 * / {@value #BOOTSTRAP_ADMIN_PASSWORD} in the master realm.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String BOOTSTRAP_ADMIN_USERNAME = "admin";
    public static final String BOOTSTRAP_ADMIN_PASSWORD = "admin";

    private static final System.Logger LOG = System.getLogger(KeycloakServer.class.getName());
    /** Generous: the local stack starts Keycloak beside the applications, and a busy machine slows all of them. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(600);
    private static final Duration BUILD_TIMEOUT = Duration.ofSeconds(900);
    /** Build options of an optimized distribution: PostgreSQL and the health endpoints. */
    public static final List<String> BUILD_OPTIONS = List.of("--db=postgres", "--health-enabled=true");
    /** Written into an optimized distribution once its build has finished. */
    static final String OPTIMIZED_MARKER = ".govtech-optimized";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    private static final String HEAP_OPTIONS = "-Xms128m -Xmx512m";
    private static final int LOG_TAIL_LINES = 40;
    /** Serialises starts inside this JVM; the file lock in the distribution serialises them across JVMs. */
    private static final Object START_MONITOR = new Object();

    private final Process process;
    private final int httpPort;
    private final int managementPort;
    private final Path logFile;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KeycloakServer(Process process, int httpPort, int managementPort, Path logFile) {
        this.process = process;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::stopProcess, "keycloak-shutdown-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Runs {@code bin/kc.sh start-dev --import-realm} from {@code settings.home()} on the given ports (0 = a free
     * port) with PostgreSQL as its database, copies {@code settings.realmFile()} into {@code <home>/data/import}
     * first, logs to {@code settings.logFile()} and waits for {@code http://localhost:<managementPort>/health/ready}
     * (at most 600 s; the first start in a fresh distribution rebuilds it for PostgreSQL).
     *
     * @throws IOException when Keycloak exits or is not ready in time; the message names the log file
     */
    public static KeycloakServer start(KeycloakSettings settings) throws IOException {
        return start(settings, false, List.of());
    }

    /**
     * Like {@link #start(KeycloakSettings)}, but {@code kc.sh start --optimized} (production mode over plain HTTP on
     * localhost, any hostname accepted, the realm imported) from a distribution built by
     * {@link #optimizedDistribution}: no check for a rebuild at start and no dev-mode extras.
     * {@code jvmOptions} are appended to kc.sh's JVM options ({@code JAVA_OPTS_APPEND}).
     */
    public static KeycloakServer startOptimized(KeycloakSettings settings, List<String> jvmOptions) throws IOException {
        if (!Files.isRegularFile(settings.home().resolve(OPTIMIZED_MARKER))) {
            throw new IOException("Not an optimized Keycloak distribution (no " + OPTIMIZED_MARKER + "): "
                    + settings.home() + "; make one with KeycloakServer.optimizedDistribution");
        }
        return start(settings, true, jvmOptions);
    }

    /**
     * A copy of the distribution at {@code home} under {@code cacheRoot}, built once with {@link #BUILD_OPTIONS}
     * ({@code kc.sh build}, output appended to {@code logFile}), for {@link #startOptimized}. The jars are hard links
     * where the file system allows (the build writes only {@code lib/quarkus}, which is copied). A copy that is
     * complete is reused; concurrent callers (also in other JVMs) wait for one another.
     *
     * @return the home of the optimized copy
     */
    public static Path optimizedDistribution(Path home, Path cacheRoot, Path logFile) throws IOException {
        Path source = home.toAbsolutePath().normalize();
        String key = source.getFileName() + "-" + Integer.toHexString(
                String.join(" ", BUILD_OPTIONS).hashCode() & 0x7fffffff);
        Path target = cacheRoot.toAbsolutePath().normalize().resolve(key);
        if (Files.isRegularFile(target.resolve(OPTIMIZED_MARKER))) {
            return target;
        }
        Files.createDirectories(cacheRoot);
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        synchronized (START_MONITOR) {
            try (FileChannel channel = FileChannel.open(cacheRoot.resolve(".govtech-build.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (Files.isRegularFile(target.resolve(OPTIMIZED_MARKER))) {
                    return target;
                }
                deleteTree(target);
                copyDistribution(source, target);
                runBuild(target, logFile);
                Files.writeString(target.resolve(OPTIMIZED_MARKER), String.join(" ", BUILD_OPTIONS) + System.lineSeparator());
                return target;
            }
        }
    }

    private static KeycloakServer start(KeycloakSettings settings, boolean optimized, List<String> jvmOptions)
            throws IOException {
        Path home = settings.home().toAbsolutePath().normalize();
        Path kcSh = home.resolve("bin").resolve("kc.sh");
        if (!Files.isRegularFile(kcSh)) {
            throw new IOException("Not a Keycloak distribution (no bin/kc.sh): " + home);
        }
        if (!Files.isExecutable(kcSh) && !kcSh.toFile().setExecutable(true)) {
            throw new IOException("bin/kc.sh is not executable: " + kcSh);
        }
        int httpPort = portOrFree(settings.httpPort(), "Keycloak HTTP", -1);
        int managementPort = portOrFree(settings.managementPort(), "Keycloak management", httpPort);
        Path logFile = settings.logFile().toAbsolutePath();
        Files.createDirectories(logFile.getParent());

        synchronized (START_MONITOR) {
            // Concurrent first starts would both rebuild lib/quarkus of the shared distribution
            try (FileChannel channel = FileChannel.open(home.resolve(".govtech-start.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                copyRealm(settings.realmFile(), home.resolve("data").resolve("import"));
                Process process = launch(kcSh, home, settings, httpPort, managementPort, logFile, optimized, jvmOptions);
                KeycloakServer server = new KeycloakServer(process, httpPort, managementPort, logFile);
                try {
                    server.awaitReady();
                } catch (IOException | RuntimeException e) {
                    server.close();
                    throw e;
                }
                LOG.log(Level.INFO, "Keycloak ready at {0} (management port {1}, log {2})",
                        server.baseUrl(), managementPort, logFile);
                return server;
            }
        }
    }

    /** {@code http://localhost:<httpPort>} */
    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    /** {@code <baseUrl>/realms/<realm>}, the issuer of the realm's tokens. */
    public String realmUrl(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    public int httpPort() {
        return httpPort;
    }

    public int managementPort() {
        return managementPort;
    }

    /** SIGTERM to kc.sh (which forwards it to Keycloak), waits up to 30 s, only then kills what is left. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
            // the hook is running or about to run; stopProcess() below is idempotent
        }
        stopProcess();
    }

    private void stopProcess() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // kc.sh's children are no longer its descendants once it has exited, so remember them first
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        family.add(process.toHandle());
        if (process.isAlive()) {
            process.destroy();
        }
        if (awaitExit(family, STOP_TIMEOUT)) {
            return;
        }
        LOG.log(Level.WARNING, "Keycloak (pid {0}) did not stop within {1} s; killing its Java processes",
                process.pid(), STOP_TIMEOUT.toSeconds());
        process.descendants().forEach(handle -> {
            if (!family.contains(handle)) {
                family.add(handle);
            }
        });
        family.stream().filter(handle -> handle.pid() != process.pid()).forEach(ProcessHandle::destroyForcibly);
        if (!awaitExit(family, KILL_TIMEOUT)) {
            // last resort, only after its children are gone: kc.sh itself
            process.destroyForcibly();
            awaitExit(family, KILL_TIMEOUT);
        }
    }

    private static boolean awaitExit(List<ProcessHandle> handles, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle handle : handles) {
            long remaining = deadline - System.nanoTime();
            try {
                if (remaining > 0) {
                    handle.onExit().get(remaining, TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception timeoutOrFailure) {
                // checked below
            }
        }
        return handles.stream().noneMatch(ProcessHandle::isAlive);
    }

    private void awaitReady() throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("Keycloak exited with code " + process.exitValue()
                        + " during startup; see its log " + logFile + logTail());
            }
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (ConnectException | HttpTimeoutException notYetListening) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while waiting for Keycloak; log " + logFile);
            } catch (IOException transientError) {
                LOG.log(Level.DEBUG, "Keycloak readiness check failed: {0}", transientError.toString());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("Keycloak was not ready within " + READY_TIMEOUT.toSeconds()
                        + " s at http://localhost:" + managementPort + "/health/ready; see its log " + logFile
                        + logTail());
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while waiting for Keycloak; log " + logFile);
            }
        }
    }

    private static Process launch(Path kcSh, Path home, KeycloakSettings settings, int httpPort, int managementPort,
                                  Path logFile, boolean optimized, List<String> jvmOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(kcSh.toString()));
        if (optimized) {
            // build options are baked in; production mode needs HTTP enabled and, on localhost, no fixed hostname; a
            // local cache (start-dev's) spares the cluster discovery among the Keycloaks of tests and stacks on one machine
            command.addAll(List.of("start", "--optimized", "--http-enabled=true", "--hostname-strict=false",
                    "--cache=local"));
        } else {
            command.addAll(List.of("start-dev", "--health-enabled=true", "--db=postgres"));
        }
        command.addAll(List.of(
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--import-realm",
                "--db-url=" + settings.dbJdbcUrl(),
                "--db-username=" + settings.dbUsername()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Map<String, String> env = builder.environment();
        // JAVA_OPTS from the caller's environment would replace all of kc.sh's JVM defaults
        env.remove("JAVA_OPTS");
        env.put("JAVA_OPTS_KC_HEAP", HEAP_OPTIONS);
        env.remove("JAVA_OPTS_APPEND");
        if (!jvmOptions.isEmpty()) {
            env.put("JAVA_OPTS_APPEND", String.join(" ", jvmOptions));
        }
        env.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        // via the environment, so the password does not show up in `ps`
        env.put("KC_DB_PASSWORD", settings.dbPassword());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", BOOTSTRAP_ADMIN_USERNAME);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", BOOTSTRAP_ADMIN_PASSWORD);
        Files.writeString(logFile, "=== " + Instant.now() + " starting Keycloak: " + String.join(" ", command)
                        + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        LOG.log(Level.INFO, "Starting Keycloak from {0} on port {1} (management {2}), log {3}",
                home, httpPort, managementPort, logFile);
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    private static void copyDistribution(Path source, Path target) throws IOException {
        Path jars = source.resolve("lib").resolve("lib");
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else if (path.startsWith(jars)) {
                    try {
                        Files.createLink(copy, path);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } else {
                    Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void runBuild(Path home, Path logFile) throws IOException {
        Path kcSh = home.resolve("bin").resolve("kc.sh");
        if (!Files.isExecutable(kcSh) && !kcSh.toFile().setExecutable(true)) {
            throw new IOException("bin/kc.sh is not executable: " + kcSh);
        }
        List<String> command = new ArrayList<>(List.of(kcSh.toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        Files.writeString(logFile, "=== " + Instant.now() + " building an optimized Keycloak: " + String.join(" ", command)
                + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("JAVA_OPTS_APPEND");
        builder.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        LOG.log(Level.INFO, "Building an optimized Keycloak in {0} ({1}), log {2}", home, BUILD_OPTIONS, logFile);
        Process process = builder.start();
        process.getOutputStream().close();
        try {
            if (!process.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException("kc.sh build did not finish within " + BUILD_TIMEOUT.toSeconds() + " s; log " + logFile);
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while building Keycloak; log " + logFile);
        }
        if (process.exitValue() != 0) {
            throw new IOException("kc.sh build exited with code " + process.exitValue() + "; log " + logFile);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void copyRealm(Path realmFile, Path importDir) throws IOException {
        if (!Files.isRegularFile(realmFile)) {
            throw new IOException("Realm file does not exist: " + realmFile);
        }
        Files.createDirectories(importDir);
        Path target = importDir.resolve(realmFile.getFileName());
        Path temp = Files.createTempFile(importDir, ".realm-", ".tmp");
        Files.copy(realmFile, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static int portOrFree(int port, String what, int taken) {
        if (port != 0) {
            Ports.requireFree(port, what);
            return port;
        }
        int free = Ports.freePort();
        while (free == taken) {
            free = Ports.freePort();
        }
        return free;
    }

    private String logTail() {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            int size = (int) Math.min(length, 16 * 1024);
            byte[] bytes = new byte[size];
            file.seek(length - size);
            file.readFully(bytes);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            return System.lineSeparator() + "--- last lines of " + logFile + " ---" + System.lineSeparator()
                    + String.join(System.lineSeparator(), tail);
        } catch (IOException e) {
            return "";
        }
    }
}
