package de.govtech.platform.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the Keycloak distribution that the deploy-keycloak build unpacks from Maven Central
 * ({@code org.keycloak:keycloak-quarkus-dist}) and the govtech realm file next to it.
 */
public final class KeycloakDistribution {

    public static final String VERSION = "26.7.3";

    static final String HOME_PROPERTY = "govtech.keycloak.home";
    static final String HOME_ENV = "GOVTECH_KEYCLOAK_HOME";
    static final String REALM_FILE_PROPERTY = "govtech.keycloak.realm-file";
    static final String REALM_FILE_ENV = "GOVTECH_KEYCLOAK_REALM_FILE";

    private static final Path HOME_IN_REPO = Path.of("deploy", "keycloak", "target", "keycloak-" + VERSION);
    private static final Path REALM_IN_REPO = Path.of("deploy", "keycloak", "realm", "govtech-realm.json");

    private KeycloakDistribution() {
    }

    /**
     * The unpacked distribution: {@code -Dgovtech.keycloak.home}, env {@code GOVTECH_KEYCLOAK_HOME}, else
     * {@code deploy/keycloak/target/keycloak-26.7.3} found by walking up from the working directory.
     *
     * @throws IllegalStateException when none is found or it has no {@code bin/kc.sh}
     */
    public static Path locate() {
        Path home = configured(HOME_PROPERTY, HOME_ENV)
                .or(() -> walkUp(HOME_IN_REPO))
                .orElseThrow(() -> new IllegalStateException("Keycloak distribution not found: set -D" + HOME_PROPERTY
                        + " or " + HOME_ENV + ", or unpack it with `mvn -pl deploy/keycloak generate-resources`"
                        + " (expected " + HOME_IN_REPO + " in a parent of " + workingDirectory() + ")"));
        if (!Files.isRegularFile(home.resolve("bin").resolve("kc.sh"))) {
            throw new IllegalStateException("Not a Keycloak distribution (no bin/kc.sh): " + home);
        }
        return home;
    }

    /** {@code deploy/keycloak/realm/govtech-realm.json}, found the same way as {@link #locate()}. */
    public static Path realmFile() {
        Path file = configured(REALM_FILE_PROPERTY, REALM_FILE_ENV)
                .or(() -> walkUp(REALM_IN_REPO))
                .orElseThrow(() -> new IllegalStateException("Realm file not found: set -D" + REALM_FILE_PROPERTY
                        + " or " + REALM_FILE_ENV + " (expected " + REALM_IN_REPO + " in a parent of "
                        + workingDirectory() + ")"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Realm file does not exist: " + file);
        }
        return file;
    }

    private static Optional<Path> configured(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Path.of(value).toAbsolutePath().normalize());
    }

    private static Optional<Path> walkUp(Path relative) {
        for (Path dir = workingDirectory(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Path workingDirectory() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
    }
}
