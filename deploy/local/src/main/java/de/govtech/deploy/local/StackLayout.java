package de.govtech.deploy.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.Properties;

/**
 * Where things are: the repository (the directory holding {@code stack.sh}), the data directory with one folder
 * per server and the logs, and the built artifacts the stack runs.
 *
 * <pre>
 * &lt;data dir&gt;/
 *   .govtech-stack-data   marker: only a directory carrying it is ever wiped
 *   postgres/             PostgreSQL cluster (databases membership, learning, solutions, marketplace, keycloak)
 *   kafka/                Kafka KRaft log dirs
 *   logs/                 kafka.log, keycloak.log, &lt;module&gt;.log
 * </pre>
 */
record StackLayout(Path root, Path dataDir) {

    static final String ROOT_PROPERTY = "govtech.stack.root";
    static final String ROOT_SCRIPT = "stack.sh";
    static final String DATA_MARKER = ".govtech-stack-data";
    static final String DEFAULT_DATA_DIR = ".stack-data";

    StackLayout {
        root = root.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** The layout for a data dir given on the command line (null = {@code <root>/.stack-data}). */
    static StackLayout resolve(Path dataDirOption) {
        Path root = locateRoot();
        return new StackLayout(root, dataDirOption == null ? root.resolve(DEFAULT_DATA_DIR) : dataDirOption);
    }

    /** -Dgovtech.stack.root (set by stack.sh), else walk up from the working dir, else from this jar. */
    static Path locateRoot() {
        String property = System.getProperty(ROOT_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        return findRoot(Path.of("").toAbsolutePath())
                .or(() -> codeLocation().flatMap(StackLayout::findRoot))
                .orElseThrow(() -> new StackException("Cannot find the repository: no " + ROOT_SCRIPT
                        + " above " + Path.of("").toAbsolutePath() + ". Run ./stack.sh from the repository."));
    }

    static Optional<Path> findRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(ROOT_SCRIPT))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> codeLocation() {
        try {
            return Optional.of(Path.of(StackLayout.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    Path postgresDir() {
        return dataDir.resolve("postgres");
    }

    Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    Path logsDir() {
        return dataDir.resolve("logs");
    }

    Path logFile(String component) {
        return logsDir().resolve(component + ".log");
    }

    Path quarkusRunJar(ServiceSpec service) {
        return root.resolve(service.moduleDir()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Built by deploy/sample-broker, with its dependencies in target/lib. */
    Path sampleBrokerJar() {
        return root.resolve("deploy/sample-broker/target/sample-broker.jar");
    }

    /** What the demo-app seeding remembers between starts (see {@link DemoSeeder}). */
    Path demoSeedFile() {
        return dataDir.resolve("demo-app.properties");
    }

    Path moduleDir(ServiceSpec service) {
        return root.resolve(service.moduleDir());
    }

    Path realmFile() {
        return root.resolve("deploy/keycloak/realm/govtech-realm.json");
    }

    /** Where the deploy-keycloak build unpacks the distribution. */
    Path keycloakHome() {
        return root.resolve("deploy/keycloak/target/keycloak-" + buildProperty("keycloak.version"));
    }

    /** Keycloak distributions built for an optimized start; outside the data dir, so a wipe keeps them. */
    Path keycloakCache() {
        return root.resolve("deploy/local/target/keycloak-optimized");
    }

    /** Prepared Keycloak databases (see {@link KeycloakDatabaseTemplate}); outside the data dir, so a wipe keeps them. */
    Path keycloakDatabaseCache() {
        return root.resolve("deploy/local/target/keycloak-database");
    }

    /** The log of {@code prepare-keycloak} (Keycloak's build and its start on the template). */
    Path keycloakTemplateLog() {
        return keycloakDatabaseCache().resolve("prepare-keycloak.log");
    }

    /** The key of the template this build's Keycloak, realm file and PostgreSQL binaries need. */
    KeycloakDatabaseTemplate.Key keycloakDatabaseKey() throws IOException {
        return KeycloakDatabaseTemplate.Key.of(buildProperty("keycloak.version"), realmFile(),
                buildProperty("postgres-binaries.version"));
    }

    /** The applications' AppCDS archives (see {@link ClassDataArchive}); outside the data dir, so a wipe keeps them. */
    Path classDataDir() {
        return root.resolve("deploy/local/target/appcds");
    }

    boolean dataExists() {
        return Files.isDirectory(postgresDir());
    }

    /** Creates the data dir (with its marker) and the log dir. */
    void prepare() {
        try {
            if (Files.isDirectory(dataDir) && !Files.exists(dataDir.resolve(DATA_MARKER)) && !isEmpty(dataDir)) {
                throw new StackException(dataDir + " exists and is not a stack data dir (no " + DATA_MARKER
                        + " in it). Choose another --data-dir.");
            }
            Files.createDirectories(logsDir());
            Path marker = dataDir.resolve(DATA_MARKER);
            if (!Files.exists(marker)) {
                Files.writeString(marker, "Data of the GovTech Kommunal local stack (./stack.sh). "
                        + "./stack.sh --wipe deletes this directory.\n");
            }
        } catch (IOException e) {
            throw new StackException("Cannot create the data dir " + dataDir + ": " + e.getMessage());
        }
    }

    /** Deletes the data dir, but only one that carries the marker (a mistyped --data-dir must not cost a home dir). */
    void wipe() {
        if (!Files.exists(dataDir)) {
            return;
        }
        try {
            if (!Files.exists(dataDir.resolve(DATA_MARKER)) && !isEmpty(dataDir)) {
                throw new StackException("Refusing to wipe " + dataDir + ": it has no " + DATA_MARKER
                        + " marker, so it is not a data dir this launcher made. Delete it yourself if you mean it.");
            }
            deleteTree(dataDir);
        } catch (IOException e) {
            throw new StackException("Cannot wipe " + dataDir + ": " + e.getMessage());
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Deletes a directory and everything in it; nothing to do when it does not exist. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static String buildProperty(String name) {
        Properties properties = new Properties();
        try (InputStream in = StackLayout.class.getResourceAsStream("/govtech/stack.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String value = properties.getProperty(name);
        if (value == null || value.startsWith("${")) {
            throw new IllegalStateException("govtech/stack.properties lacks " + name + " (not built by Maven?)");
        }
        return value;
    }
}
