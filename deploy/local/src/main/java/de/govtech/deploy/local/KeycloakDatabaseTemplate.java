package de.govtech.deploy.local;

import de.govtech.platform.infra.KeycloakServer;
import de.govtech.platform.infra.KeycloakSettings;
import de.govtech.platform.infra.PostgresServer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster, stopped cleanly, that holds only Keycloak's database after Keycloak's first start on it: its
 * schema created (Liquibase), the master realm set up and the dev realm imported. A fresh data dir starts from a copy
 * of it instead of an empty cluster, so Keycloak finds a schema whose migration rows match its version and a realm
 * that exists, and skips the half of its fresh start that creating them costs (issue 14).
 *
 * <p>The template is keyed by what its content depends on: the Keycloak version (schema and migration model), the
 * realm file's SHA-256 (the imported realm) and the PostgreSQL binaries' version (the cluster's on-disk format). A
 * template is used only when its marker, written last, names exactly the key asked for; anything else — another
 * realm file, another Keycloak, a template cut off half-way — is never reused. The cluster is copied, never linked:
 * PostgreSQL writes its files in place.
 *
 * <p>Every data dir made from one template shares its realm's signing keys and the master realm's admin user. That
 * is fine for local development (the dev realm's secrets are committed anyway) and is why this is a launcher
 * feature, not something for a shared or production Keycloak.
 */
final class KeycloakDatabaseTemplate {

    /** Raised when the way a template is made changes, so templates made the old way are not used. */
    static final int FORMAT = 1;
    static final String MARKER = ".govtech-template";
    static final String CLUSTER = "cluster";
    /** A running or crashed server's files; a clean shutdown removes them, a copy must never carry them. */
    private static final Set<String> RUNTIME_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");
    private static final String PREFIX = "keycloak-";

    /** What a template's content depends on. */
    record Key(String keycloakVersion, String realmSha256, String postgresVersion) {

        static Key of(String keycloakVersion, Path realmFile, String postgresVersion) throws IOException {
            return new Key(keycloakVersion, sha256(Files.readAllBytes(realmFile)), postgresVersion);
        }

        /** The template's directory name: readable, and different whenever the key is. */
        String id() {
            return PREFIX + keycloakVersion + "-realm-" + realmSha256.substring(0, 12) + "-pg" + postgresVersion
                    + "-v" + FORMAT;
        }

        /** The marker's content: the whole key, compared in full (the id shortens the hash). */
        String describe() {
            return "keycloak.version=" + keycloakVersion + "\n"
                    + "realm.sha256=" + realmSha256 + "\n"
                    + "postgres.binaries=" + postgresVersion + "\n"
                    + "format=" + FORMAT + "\n";
        }
    }

    private final Path cacheRoot;

    /** {@code cacheRoot}: where templates live, outside any data dir (a wipe keeps them). */
    KeycloakDatabaseTemplate(Path cacheRoot) {
        this.cacheRoot = cacheRoot.toAbsolutePath().normalize();
    }

    Path directory(Key key) {
        return cacheRoot.resolve(key.id());
    }

    /** The template's cluster when one for exactly this key is complete; empty means Keycloak sets up its database. */
    Optional<Path> usable(Key key) {
        Path dir = directory(key);
        Path marker = dir.resolve(MARKER);
        Path cluster = dir.resolve(CLUSTER);
        if (!Files.isRegularFile(marker) || !Files.isRegularFile(cluster.resolve("PG_VERSION"))) {
            return Optional.empty();
        }
        try {
            return Files.readString(marker, StandardCharsets.UTF_8).equals(key.describe())
                    ? Optional.of(cluster) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Copies the template's cluster to {@code postgresDir}, which must not exist yet (a fresh data dir). On failure
     * nothing of the copy is left, so PostgreSQL's start makes an empty cluster as it would without a template.
     */
    static void restore(Path cluster, Path postgresDir) throws IOException {
        if (Files.exists(postgresDir)) {
            throw new IOException(postgresDir + " exists already: a template only goes into a fresh data dir");
        }
        try {
            copyCluster(cluster, postgresDir);
        } catch (IOException | RuntimeException e) {
            StackLayout.deleteTree(postgresDir);
            throw e;
        }
    }

    /**
     * Makes the template for {@code key} unless it exists: a PostgreSQL cluster of its own (free port), Keycloak
     * started once on it from {@code keycloakHome} with {@code realmFile} imported, both stopped cleanly, then the
     * marker written and the directory moved into place. Templates of other keys are deleted. Concurrent callers
     * (also in other JVMs) wait for one another.
     *
     * @return true when it was made now, false when it was there already
     */
    boolean prepare(Key key, Path keycloakHome, List<String> keycloakJvmOptions, Path realmFile, Path logFile)
            throws IOException {
        if (usable(key).isPresent()) {
            return false;
        }
        Files.createDirectories(cacheRoot);
        try (FileChannel channel = FileChannel.open(cacheRoot.resolve(".govtech-template.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            if (usable(key).isPresent()) {
                return false;
            }
            Path work = cacheRoot.resolve(key.id() + ".tmp");
            StackLayout.deleteTree(work);
            StackLayout.deleteTree(directory(key));
            Files.createDirectories(work);
            try (PostgresServer postgres = PostgresServer.start(work.resolve(CLUSTER), 0)) {
                postgres.ensureDatabase(Stack.KEYCLOAK_DATABASE);
                KeycloakSettings settings = new KeycloakSettings(keycloakHome, 0, 0, realmFile,
                        postgres.jdbcUrl(Stack.KEYCLOAK_DATABASE) + Stack.KEYCLOAK_DB_OPTIONS, postgres.username(),
                        postgres.password(), logFile);
                try (KeycloakServer ignoredKeycloak = KeycloakServer.startOptimized(settings, keycloakJvmOptions)) {
                    // ready means: schema migrated, master realm initialised, realm imported
                }
            }
            if (Files.exists(work.resolve(CLUSTER).resolve("postmaster.pid"))) {
                throw new IOException("PostgreSQL did not shut down cleanly (postmaster.pid left in " + work + ")");
            }
            Files.writeString(work.resolve(MARKER), key.describe(), StandardCharsets.UTF_8);
            Files.move(work, directory(key), StandardCopyOption.ATOMIC_MOVE);
            removeOthers(key);
            return true;
        }
    }

    /** Templates of other keys (another realm file, Keycloak or PostgreSQL) are of no use any more. */
    void removeOthers(Key key) throws IOException {
        if (!Files.isDirectory(cacheRoot)) {
            return;
        }
        try (Stream<Path> entries = Files.list(cacheRoot)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (Files.isDirectory(entry) && name.startsWith(PREFIX) && !name.equals(key.id())) {
                    StackLayout.deleteTree(entry);
                }
            }
        }
    }

    private static void copyCluster(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!RUNTIME_FILES.contains(file.getFileName().toString()) || !file.getParent().equals(source)) {
                    Files.copy(file, target.resolve(source.relativize(file).toString()),
                            StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        // PostgreSQL refuses a data directory that others may read
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
