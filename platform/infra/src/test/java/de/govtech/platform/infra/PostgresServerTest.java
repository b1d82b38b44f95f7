package de.govtech.platform.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresServerTest {

    @Test
    void startsOnAFreePortAndCreatesDatabasesIdempotently() throws Exception {
        try (PostgresServer server = PostgresServer.start(null, 0)) {
            assertTrue(server.port() > 0);
            assertEquals("jdbc:postgresql://localhost:" + server.port() + "/membership", server.jdbcUrl("membership"));

            server.ensureDatabase("membership");
            server.ensureDatabase("membership");

            assertTrue(query(server, "membership", "select version()").startsWith("PostgreSQL 17"));
            assertEquals("membership", query(server, "membership", "select current_database()"));
        }
    }

    @Test
    void keepsDataAcrossRestartsWithADataDirectory(@TempDir Path tmp) throws Exception {
        Path dataDir = tmp.resolve("pgdata");
        int port;
        try (PostgresServer server = PostgresServer.start(dataDir, 0)) {
            port = server.port();
            server.ensureDatabase("learning");
            execute(server, "learning", "create table course (id int primary key, title text)");
            execute(server, "learning", "insert into course values (1, 'Datenschutz für Kommunen')");
        }
        assertTrue(Files.exists(dataDir.resolve("PG_VERSION")), "data directory is kept after close");

        try (PostgresServer server = PostgresServer.start(dataDir, port)) {
            assertEquals(port, server.port());
            server.ensureDatabase("learning");
            assertEquals("Datenschutz für Kommunen", query(server, "learning", "select title from course where id = 1"));
        }
    }

    @Test
    void deletesTheTemporaryDataDirectoryOnClose() throws Exception {
        Path dataDir;
        try (PostgresServer server = PostgresServer.start(null, 0)) {
            dataDir = Path.of(query(server, "postgres", "show data_directory"));
            assertTrue(Files.isDirectory(dataDir));
        }
        assertFalse(Files.exists(dataDir));
    }

    @Test
    void rejectsAPortThatIsTaken() throws Exception {
        try (PostgresServer server = PostgresServer.start(null, 0)) {
            PortInUseException e = assertThrows(PortInUseException.class, () -> PostgresServer.start(null, server.port()));
            assertTrue(e.getMessage().contains("Port " + server.port() + " (PostgreSQL) is already in use"), e.getMessage());
        }
    }

    private static void execute(PostgresServer server, String database, String sql) throws SQLException {
        try (Connection connection = connect(server, database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(PostgresServer server, String database, String sql) throws SQLException {
        try (Connection connection = connect(server, database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next());
            return rows.getString(1);
        }
    }

    private static Connection connect(PostgresServer server, String database) throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(server.jdbcUrl(database));
        dataSource.setUser(server.username());
        dataSource.setPassword(server.password());
        return dataSource.getConnection();
    }
}
