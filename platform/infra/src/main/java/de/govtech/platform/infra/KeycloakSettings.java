package de.govtech.platform.infra;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run one Keycloak: the unpacked distribution ({@code home}, see {@link KeycloakDistribution#locate()}),
 * its HTTP and management ports (0 = a free port), the realm file imported at start, the PostgreSQL database
 * it keeps its data in, and the file its output goes to.
 */
public record KeycloakSettings(Path home, int httpPort, int managementPort, Path realmFile,
                               String dbJdbcUrl, String dbUsername, String dbPassword, Path logFile) {

    public KeycloakSettings {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(realmFile, "realmFile");
        Objects.requireNonNull(dbJdbcUrl, "dbJdbcUrl");
        Objects.requireNonNull(dbUsername, "dbUsername");
        Objects.requireNonNull(dbPassword, "dbPassword");
        Objects.requireNonNull(logFile, "logFile");
        if (httpPort < 0 || managementPort < 0) {
            throw new IllegalArgumentException("Ports must be 0 (free port) or positive");
        }
        if (httpPort != 0 && httpPort == managementPort) {
            throw new IllegalArgumentException("HTTP and management port must differ: " + httpPort);
        }
    }
}
