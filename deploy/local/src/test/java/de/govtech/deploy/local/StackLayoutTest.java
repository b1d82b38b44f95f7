package de.govtech.deploy.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackLayoutTest {

    @TempDir
    Path repo;

    @Test
    void findsTheRepositoryByWalkingUpToStackSh() throws IOException {
        Files.writeString(repo.resolve("stack.sh"), "#!/bin/sh\n");
        Path deep = Files.createDirectories(repo.resolve("membership-service/src/main"));

        assertEquals(repo.toRealPath(), StackLayout.findRoot(deep).orElseThrow().toRealPath());
    }

    @Test
    void wipeDeletesADataDirThatCarriesTheMarker() throws IOException {
        StackLayout layout = new StackLayout(repo, repo.resolve(".stack-data"));
        layout.prepare();
        Files.createDirectories(layout.postgresDir().resolve("base"));

        layout.wipe();

        assertFalse(Files.exists(layout.dataDir()));
    }

    @Test
    void wipeRefusesADirectoryTheLauncherDidNotMake() throws IOException {
        Path foreign = Files.createDirectories(repo.resolve("home"));
        Files.writeString(foreign.resolve("thesis.tex"), "years of work");
        StackLayout layout = new StackLayout(repo, foreign);

        StackException e = assertThrows(StackException.class, layout::wipe);

        assertTrue(e.getMessage().contains("Refusing to wipe"), e.getMessage());
        assertTrue(Files.exists(foreign.resolve("thesis.tex")));
    }

    @Test
    void prepareRefusesANonEmptyForeignDirectory() throws IOException {
        Path foreign = Files.createDirectories(repo.resolve("other"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");

        assertThrows(StackException.class, () -> new StackLayout(repo, foreign).prepare());
    }

    @Test
    void placesDataLogsAndArtifactsWhereTheReadmeSays() {
        StackLayout layout = new StackLayout(repo, repo.resolve(".stack-data"));

        assertEquals(repo.resolve(".stack-data/logs/membership-service.log"), layout.logFile("membership-service"));
        assertEquals(repo.resolve("gateway/target/quarkus-app/quarkus-run.jar"), layout.quarkusRunJar(ServiceSpec.GATEWAY));
        assertTrue(layout.keycloakHome().toString().contains("deploy/keycloak/target/keycloak-"));
    }
}
