package de.govtech.platform.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Kafka broker (KRaft, combined broker and controller) in a child JVM. Its classpath comes from the
 * resource {@code govtech/kafka-broker.classpath} of platform-kafka-broker, so the broker's dependencies never
 * meet the caller's classpath.
 */
public final class KafkaServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(KafkaServer.class.getName());
    private static final String BROKER_CLASSPATH_RESOURCE = "govtech/kafka-broker.classpath";
    /** Generous: on two cores the local stack starts Kafka beside Keycloak, and builds may run meanwhile. */
    private static final long READY_TIMEOUT_MS = 180_000;
    private static final long STOP_TIMEOUT_S = 30;
    /**
     * C1 only ({@code TieredStopAtLevel=1}): C2 compiling the broker's start code took about 40 % of its CPU seconds
     * to ready, and a local broker never runs long or hot enough to gain from C2's code.
     */
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms256m", "-Xmx512m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:TieredStopAtLevel=1",
            "-Djava.awt.headless=true",
            "-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final Path dataDir;
    private final boolean temporary;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    private final Thread shutdownHook;
    private volatile Process process;

    private KafkaServer(Path dataDir, boolean temporary, int port, int controllerPort, Path logFile) {
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::stopAtJvmExit, "kafka-broker-" + port + "-shutdown");
    }

    /**
     * Child JVM (KRaft broker+controller). dataDir null = temp dir deleted on close; port 0 = free ports.
     * logFile null = {@code <dataDir>/kafka.log}. Waits until the broker answers.
     * With a fixed port the controller listens on port + 1.
     */
    public static KafkaServer start(Path dataDir, int port, Path logFile) throws IOException {
        int brokerPort;
        int controllerPort;
        if (port == 0) {
            brokerPort = Ports.freePort();
            do {
                controllerPort = Ports.freePort();
            } while (controllerPort == brokerPort);
        } else {
            brokerPort = port;
            controllerPort = port + 1;
            Ports.requireFree(brokerPort, "Kafka broker");
            Ports.requireFree(controllerPort, "Kafka controller");
        }
        boolean temporary = dataDir == null;
        Path dir = temporary ? Files.createTempDirectory("kafka-") : dataDir.toAbsolutePath();
        Files.createDirectories(dir);
        Path log = logFile == null ? dir.resolve("kafka.log") : logFile.toAbsolutePath();
        Files.createDirectories(log.getParent());

        KafkaServer server = new KafkaServer(dir, temporary, brokerPort, controllerPort, log);
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        try {
            server.writeConfig();
            server.launch();
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** The broker's log (stdout and stderr of the child JVM). */
    public Path logFile() {
        return logFile;
    }

    public boolean isRunning() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** Creates the topics that do not exist yet and waits until every partition has a leader. */
    public void ensureTopics(List<TopicSpec> topics) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(KafkaServer::newTopic)
                    .toList();
            if (!missing.isEmpty()) {
                createAll(admin, missing);
            }
            awaitLeaders(admin, topics.stream().map(TopicSpec::name).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create topics on " + bootstrapServers() + " (log: " + logFile + ")", e);
        }
    }

    private static NewTopic newTopic(TopicSpec topic) {
        return new NewTopic(topic.name(), topic.partitions(), (short) 1)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retentionMs())));
    }

    private static void createAll(Admin admin, List<NewTopic> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        for (var result : admin.createTopics(topics).values().entrySet()) {
            try {
                result.getValue().get(30, TimeUnit.SECONDS);
                LOG.log(System.Logger.Level.INFO, "Created topic {0}", result.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    private void awaitLeaders(Admin admin, List<String> names)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
                boolean allLed = descriptions.values().stream()
                        .flatMap(description -> description.partitions().stream())
                        .map(TopicPartitionInfo::leader)
                        .allMatch(leader -> leader != null && !leader.isEmpty());
                if (allLed) {
                    return;
                }
            } catch (ExecutionException e) {
                // metadata of a just created topic may not have reached the broker yet
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new TimeoutException("Partitions of " + names + " have no leader after 30 s");
            }
            Thread.sleep(200);
        }
    }

    /** Graceful stop of the child JVM (SIGTERM, then SIGKILL after 30 s); data and ports stay for {@link #restart()}. */
    public synchronized void stop() {
        Process current = process;
        if (current == null) {
            return;
        }
        process = null;
        terminate(current);
        LOG.log(System.Logger.Level.INFO, "Kafka broker on port {0} stopped", Integer.toString(port));
    }

    /** Starts again on the same ports and data (stopping first if it runs) and waits until ready. */
    public synchronized void restart() {
        stop();
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the broker and deletes a temporary data directory. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook does the same
        }
        if (temporary) {
            deleteRecursively(dataDir);
        }
    }

    /** The child JVM must not outlive this one; temporary data goes with it. */
    private void stopAtJvmExit() {
        Process current = process;
        if (current != null) {
            terminate(current);
        }
        if (temporary) {
            deleteRecursively(dataDir);
        }
    }

    private static void terminate(Process child) {
        child.destroy();
        try {
            if (!child.waitFor(STOP_TIMEOUT_S, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void writeConfig() throws IOException {
        Path logDirs = dataDir.resolve("logs");
        Properties config = new Properties();
        config.setProperty("process.roles", "broker,controller");
        config.setProperty("node.id", "1");
        config.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        config.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        config.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        config.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.setProperty("inter.broker.listener.name", "PLAINTEXT");
        config.setProperty("controller.listener.names", "CONTROLLER");
        config.setProperty("log.dirs", logDirs.toString());
        config.setProperty("num.partitions", "3");
        config.setProperty("default.replication.factor", "1");
        config.setProperty("auto.create.topics.enable", "false");
        config.setProperty("offsets.topic.replication.factor", "1");
        // fewer internal partitions than the default 50: a single local broker starts and creates them faster
        config.setProperty("offsets.topic.num.partitions", "10");
        config.setProperty("transaction.state.log.replication.factor", "1");
        config.setProperty("transaction.state.log.min.isr", "1");
        config.setProperty("transaction.state.log.num.partitions", "10");
        config.setProperty("share.coordinator.state.topic.replication.factor", "1");
        config.setProperty("share.coordinator.state.topic.min.isr", "1");
        config.setProperty("group.initial.rebalance.delay.ms", "0");
        try (var out = Files.newBufferedWriter(propertiesFile(), StandardCharsets.UTF_8)) {
            config.store(out, "Written by de.govtech.platform.infra.KafkaServer on every start");
        }
    }

    private Path propertiesFile() {
        return dataDir.resolve("server.properties");
    }

    /**
     * The cluster id to format the storage with, kept in the data directory; null when the storage is formatted
     * already. The broker's JVM formats it before it starts ({@link BrokerLauncher}).
     */
    private String clusterIdToFormat() throws IOException {
        if (Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
            return null;
        }
        Path clusterIdFile = dataDir.resolve("cluster.id");
        if (!Files.exists(clusterIdFile)) {
            Files.writeString(clusterIdFile, Uuid.randomUuid().toString(), StandardCharsets.UTF_8);
        }
        return Files.readString(clusterIdFile, StandardCharsets.UTF_8).strip();
    }

    private void launch() throws IOException {
        Process child = brokerJvm().start();
        process = child;
        try {
            awaitReady(child);
        } catch (IOException e) {
            process = null;
            terminate(child);
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "Kafka broker ready at {0} (pid {1}, data {2}, log {3})",
                bootstrapServers(), Long.toString(child.pid()), dataDir, logFile);
    }

    private void awaitReady(Process child) throws IOException {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        Exception last = null;
        try {
            // the admin client spins (and logs) while nothing listens, so wait for the listener first
            while (!accepts(port)) {
                checkAlive(child);
                if (System.currentTimeMillis() > deadline) {
                    throw notReady(null);
                }
                Thread.sleep(200);
            }
            try (Admin admin = admin()) {
                while (System.currentTimeMillis() < deadline) {
                    checkAlive(child);
                    try {
                        admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                        return;
                    } catch (ExecutionException | TimeoutException e) {
                        last = e;
                    }
                    Thread.sleep(250);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the Kafka broker", e);
        }
        throw notReady(last);
    }

    private void checkAlive(Process child) throws IOException {
        if (!child.isAlive()) {
            throw new IOException("Kafka broker on port " + port + " exited early with code " + child.exitValue()
                    + "; see " + logFile);
        }
    }

    private IOException notReady(Exception cause) {
        IOException timeout = new IOException("Kafka broker on port " + port + " did not come up within "
                + READY_TIMEOUT_MS / 1000 + " s; see " + logFile);
        if (cause != null) {
            timeout.addSuppressed(cause);
        }
        return timeout;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Admin admin() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "govtech-infra-admin");
        return Admin.create(config);
    }

    private ProcessBuilder brokerJvm() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(JVM_OPTIONS);
        String clusterId = clusterIdToFormat();
        if (clusterId != null) {
            command.add("-D" + BrokerLauncher.FORMAT_PROPERTY + "=" + clusterId);
        }
        command.add("-cp");
        command.add(extractLauncher() + java.io.File.pathSeparator + brokerClasspath());
        command.add(BrokerLauncher.class.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add("kafka.Kafka");
        command.add(propertiesFile().toString());
        return new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    }

    /**
     * Copies the launcher class file next to the data: works whatever class loader (jar, directory,
     * Quarkus test class loader) loaded this class.
     */
    private Path extractLauncher() throws IOException {
        Path root = dataDir.resolve("launcher");
        String resource = BrokerLauncher.class.getName().replace('.', '/') + ".class";
        Path target = root.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = BrokerLauncher.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Class file " + resource + " not found on the classpath");
            }
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return root;
    }

    private static String brokerClasspath() throws IOException {
        try (InputStream in = KafkaServer.class.getClassLoader().getResourceAsStream(BROKER_CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IOException("Resource " + BROKER_CLASSPATH_RESOURCE
                        + " not found: add de.govtech.kommunal:platform-kafka-broker to the classpath");
            }
            String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            for (String entry : classpath.split(java.io.File.pathSeparator)) {
                if (!Files.exists(Path.of(entry))) {
                    throw new IOException("Kafka broker classpath entry " + entry + " is missing; rebuild platform-kafka-broker"
                            + " (mvn install -pl platform/kafka-broker) so Maven downloads it");
                }
            }
            return classpath;
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .filter(command -> Files.isExecutable(Path.of(command)))
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not delete " + dir, e);
        }
    }

    @Override
    public String toString() {
        return "KafkaServer[" + bootstrapServers() + ", controller port " + controllerPort + ", data " + dataDir + "]";
    }
}
