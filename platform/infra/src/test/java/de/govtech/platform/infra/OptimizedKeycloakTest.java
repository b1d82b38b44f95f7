package de.govtech.platform.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The optimized distribution, with a stand-in kc.sh that records its arguments and writes what a build writes. */
class OptimizedKeycloakTest {

    @TempDir
    Path dir;

    private Path distribution(String buildScript) throws IOException {
        Path home = dir.resolve("keycloak-26.7.3");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib/lib/main"));
        Files.createDirectories(home.resolve("lib/quarkus"));
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("lib/lib/main/keycloak-core.jar"), "a jar");
        Files.writeString(home.resolve("lib/quarkus/build-system.properties"), "original");
        Files.writeString(home.resolve("conf/keycloak.conf"), "# conf");
        Path kcSh = home.resolve("bin/kc.sh");
        Files.writeString(kcSh, "#!/bin/sh\nhome=\"$(dirname \"$0\")/..\"\necho \"$@\" >> \"$home/../build-calls\"\n" + buildScript);
        assertTrue(kcSh.toFile().setExecutable(true));
        return home;
    }

    private List<String> buildCalls() throws IOException {
        Path calls = dir.resolve("cache/build-calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    @Test
    void buildsACopyOnceWithTheBuildOptionsAndLeavesTheSourceAlone() throws IOException {
        Path home = distribution("echo rebuilt > \"$home/lib/quarkus/build-system.properties\"\n");
        Path cache = dir.resolve("cache");
        Path log = dir.resolve("logs/keycloak.log");

        Path optimized = KeycloakServer.optimizedDistribution(home, cache, log);

        assertTrue(optimized.startsWith(cache), optimized.toString());
        assertEquals(List.of("build " + String.join(" ", KeycloakServer.BUILD_OPTIONS)), buildCalls());
        assertEquals("rebuilt", Files.readString(optimized.resolve("lib/quarkus/build-system.properties")).strip());
        assertEquals("original", Files.readString(home.resolve("lib/quarkus/build-system.properties")));
        assertEquals("# conf", Files.readString(optimized.resolve("conf/keycloak.conf")));
        assertEquals("a jar", Files.readString(optimized.resolve("lib/lib/main/keycloak-core.jar")));
        assertTrue(Files.isRegularFile(optimized.resolve(KeycloakServer.OPTIMIZED_MARKER)));
        assertTrue(Files.readString(log).contains("building an optimized Keycloak"), Files.readString(log));

        assertEquals(optimized, KeycloakServer.optimizedDistribution(home, cache, log));
        assertEquals(1, buildCalls().size(), "a finished build is reused");
    }

    @Test
    void aFailedBuildIsNotReusedAndIsTriedAgain() throws IOException {
        Path home = distribution("exit 3\n");
        Path cache = dir.resolve("cache");
        Path log = dir.resolve("keycloak.log");

        IOException failure = assertThrows(IOException.class, () -> KeycloakServer.optimizedDistribution(home, cache, log));
        assertTrue(failure.getMessage().contains("exited with code 3"), failure.getMessage());
        try (var entries = Files.list(cache)) {
            assertFalse(entries.anyMatch(p -> Files.exists(p.resolve(KeycloakServer.OPTIMIZED_MARKER))));
        }

        assertThrows(IOException.class, () -> KeycloakServer.optimizedDistribution(home, cache, log));
        assertEquals(2, buildCalls().size(), "the failed build is run again, not taken as done");
    }

    @Test
    void anOptimizedStartRefusesADistributionThatWasNotBuiltForIt() throws IOException {
        Path home = distribution("exit 0\n");
        KeycloakSettings settings = new KeycloakSettings(home, 0, 0, home.resolve("conf/keycloak.conf"),
                "jdbc:postgresql://localhost:1/keycloak", "postgres", "postgres", dir.resolve("keycloak.log"));

        IOException refusal = assertThrows(IOException.class, () -> KeycloakServer.startOptimized(settings, List.of()));

        assertTrue(refusal.getMessage().contains("Not an optimized Keycloak distribution"), refusal.getMessage());
    }
}
