package de.govtech.deploy.local;

import de.govtech.platform.infra.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a prepared Keycloak database is reused and when not, and that a restored copy is a working cluster. */
class KeycloakDatabaseTemplateTest {

    private static final String KEYCLOAK = "26.7.3";
    private static final String POSTGRES = "17.11.0";

    @TempDir
    Path dir;

    private Path realm() throws IOException {
        Path realm = dir.resolve("govtech-realm.json");
        if (!Files.exists(realm)) {
            Files.writeString(realm, "{\"realm\":\"govtech\",\"users\":[]}");
        }
        return realm;
    }

    /** A template as prepare() leaves it, without running Keycloak: a cluster directory and the marker, written last. */
    private Path fakeTemplate(KeycloakDatabaseTemplate templates, KeycloakDatabaseTemplate.Key key) throws IOException {
        Path cluster = Files.createDirectories(templates.directory(key).resolve(KeycloakDatabaseTemplate.CLUSTER));
        Files.writeString(cluster.resolve("PG_VERSION"), "17\n");
        Files.writeString(templates.directory(key).resolve(KeycloakDatabaseTemplate.MARKER), key.describe());
        return cluster;
    }

    @Test
    void aTemplateIsReusedForTheSameKeycloakRealmFileAndPostgres() throws IOException {
        KeycloakDatabaseTemplate templates = new KeycloakDatabaseTemplate(dir.resolve("cache"));
        Path cluster = fakeTemplate(templates, KeycloakDatabaseTemplate.Key.of(KEYCLOAK, realm(), POSTGRES));

        assertEquals(cluster, templates.usable(KeycloakDatabaseTemplate.Key.of(KEYCLOAK, realm(), POSTGRES)).orElseThrow());
    }

    @Test
    void aChangedRealmFileNeverReusesTheOldTemplate() throws IOException {
        KeycloakDatabaseTemplate templates = new KeycloakDatabaseTemplate(dir.resolve("cache"));
        KeycloakDatabaseTemplate.Key before = KeycloakDatabaseTemplate.Key.of(KEYCLOAK, realm(), POSTGRES);
        fakeTemplate(templates, before);

        Files.writeString(realm(), "{\"realm\":\"govtech\",\"users\":[{\"username\":\"dev-new\"}]}");
        KeycloakDatabaseTemplate.Key after = KeycloakDatabaseTemplate.Key.of(KEYCLOAK, realm(), POSTGRES);

        assertNotEquals(before.id(), after.id());
        assertTrue(templates.usable(after).isEmpty());
    }

    @Test
    void anotherKeycloakVersionOrPostgresNeverReusesTheTemplate() throws IOException {
        KeycloakDatabaseTemplate templates = new KeycloakDatabaseTemplate(dir.resolve("cache"));
        fakeTemplate(templates, KeycloakDatabaseTemplate.Key.of(KEYCLOAK, realm(), POSTGRES));

        assertTrue(templates.usable(KeycloakDatabaseTemplate.Key.of("26.8.0", realm(), POSTGRES)).isEmpty());
        assertTrue(templates.usable(KeycloakDatabaseTemplate.Key.of(KEYCLOAK, realm(), "18.1.0")).isEmpty());
    }

    @Test
    void aTemplateCutOffBeforeItsMarkerOrWithAnotherMarkerIsNotUsed() throws IOException {
        KeycloakDatabaseTemplate templates = new KeycloakDatabaseTemplate(dir.resolve("cache"));
        KeycloakDatabaseTemplate.Key key = KeycloakDatabaseTemplate.Key.of(KEYCLOAK, realm(), POSTGRES);
        fakeTemplate(templates, key);
        Path marker = templates.directory(key).resolve(KeycloakDatabaseTemplate.MARKER);

        Files.delete(marker);
        assertTrue(templates.usable(key).isEmpty(), "no marker: prepare() did not finish");

        // same directory name, but the full hash (or the format) differs
        Files.writeString(marker, key.describe().replace("format=" + KeycloakDatabaseTemplate.FORMAT, "format=0"));
        assertTrue(templates.usable(key).isEmpty());

        Files.writeString(marker, key.describe());
        Files.delete(templates.directory(key).resolve(KeycloakDatabaseTemplate.CLUSTER).resolve("PG_VERSION"));
        assertTrue(templates.usable(key).isEmpty(), "no cluster");
    }

    @Test
    void templatesOfOtherKeysAreRemovedAndTheCurrentOneIsKept() throws IOException {
        KeycloakDatabaseTemplate templates = new KeycloakDatabaseTemplate(dir.resolve("cache"));
        KeycloakDatabaseTemplate.Key old = KeycloakDatabaseTemplate.Key.of("26.5.6", realm(), POSTGRES);
        KeycloakDatabaseTemplate.Key current = KeycloakDatabaseTemplate.Key.of(KEYCLOAK, realm(), POSTGRES);
        fakeTemplate(templates, old);
        fakeTemplate(templates, current);
        Path log = Files.writeString(dir.resolve("cache").resolve("prepare-keycloak.log"), "log");

        templates.removeOthers(current);

        assertFalse(Files.exists(templates.directory(old)));
        assertTrue(templates.usable(current).isPresent());
        assertTrue(Files.exists(log));
    }

    @Test
    void restoreOnlyGoesIntoAFreshDataDir() throws IOException {
        KeycloakDatabaseTemplate templates = new KeycloakDatabaseTemplate(dir.resolve("cache"));
        Path cluster = fakeTemplate(templates, KeycloakDatabaseTemplate.Key.of(KEYCLOAK, realm(), POSTGRES));
        Path existing = Files.createDirectories(dir.resolve("data/postgres"));
        Files.writeString(existing.resolve("PG_VERSION"), "16\n");

        assertThrows(IOException.class, () -> KeycloakDatabaseTemplate.restore(cluster, existing));
        assertEquals("16\n", Files.readString(existing.resolve("PG_VERSION")));
    }

    @Test
    void aRestoredClusterStartsWithTheTemplatesDatabase() throws Exception {
        Path source = dir.resolve("template").resolve(KeycloakDatabaseTemplate.CLUSTER);
        try (PostgresServer postgres = PostgresServer.start(source, 0)) {
            postgres.ensureDatabase(Stack.KEYCLOAK_DATABASE);
            execute(postgres, "CREATE TABLE migration_model (version varchar(36)); "
                    + "INSERT INTO migration_model VALUES ('26.7.3')");
        }
        Path target = dir.resolve("data").resolve("postgres");

        KeycloakDatabaseTemplate.restore(source, target);

        assertFalse(Files.exists(target.resolve("postmaster.pid")));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        try (PostgresServer postgres = PostgresServer.start(target, 0)) {
            assertEquals("26.7.3", query(postgres, "SELECT version FROM migration_model"));
        }
        // the template itself is untouched by the copy's start
        assertEquals(Files.readString(source.resolve("PG_VERSION"), StandardCharsets.UTF_8),
                Files.readString(target.resolve("PG_VERSION"), StandardCharsets.UTF_8));
        assertFalse(Files.exists(source.resolve("postmaster.pid")));
    }

    private static PGSimpleDataSource keycloakDatabase(PostgresServer postgres) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl(Stack.KEYCLOAK_DATABASE));
        dataSource.setUser(postgres.username());
        dataSource.setPassword(postgres.password());
        return dataSource;
    }

    private static void execute(PostgresServer postgres, String sql) throws SQLException {
        try (Connection connection = keycloakDatabase(postgres).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(PostgresServer postgres, String sql) throws SQLException {
        try (Connection connection = keycloakDatabase(postgres).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next());
            return rows.getString(1);
        }
    }
}
