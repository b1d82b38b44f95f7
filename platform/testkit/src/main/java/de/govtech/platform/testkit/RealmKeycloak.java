package de.govtech.platform.testkit;

import de.govtech.platform.infra.KeycloakDistribution;
import de.govtech.platform.infra.KeycloakServer;
import de.govtech.platform.infra.KeycloakSettings;
import de.govtech.platform.infra.PostgresServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real Keycloak distribution with the project's govtech realm, on a PostgreSQL of its own. */
public final class RealmKeycloak implements AutoCloseable {

    public static final String REALM = "govtech";

    private final PostgresServer postgres;
    private final KeycloakServer keycloak;

    private RealmKeycloak(PostgresServer postgres, KeycloakServer keycloak) {
        this.postgres = postgres;
        this.keycloak = keycloak;
    }

    /** Starts PostgreSQL and Keycloak on free ports; the Keycloak log goes to {@code logFile}. */
    public static RealmKeycloak start(Path logFile) throws IOException {
        PostgresServer postgres = PostgresServer.start(null, 0);
        try {
            postgres.ensureDatabase("keycloak");
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            KeycloakServer keycloak = KeycloakServer.start(new KeycloakSettings(
                    KeycloakDistribution.locate(), 0, 0, KeycloakDistribution.realmFile(),
                    postgres.jdbcUrl("keycloak"), postgres.username(), postgres.password(), logFile));
            return new RealmKeycloak(postgres, keycloak);
        } catch (IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    public KeycloakServer server() {
        return keycloak;
    }

    /** Issuer URL of the govtech realm, the value of {@code quarkus.oidc.auth-server-url}. */
    public String realmUrl() {
        return keycloak.realmUrl(REALM);
    }

    /** Tokens of this realm's users and clients. */
    public KeycloakTokens tokens() {
        return new KeycloakTokens(realmUrl());
    }

    @Override
    public void close() {
        try {
            keycloak.close();
        } finally {
            postgres.close();
        }
    }
}
