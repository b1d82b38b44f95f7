package de.govtech.deploy.local;

import de.govtech.platform.infra.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 11: {@code --wipe} refuses while the data dir's PostgreSQL still runs, and deletes nothing. */
class WipeRefusalTest {

    @TempDir
    Path repo;

    @Test
    void wipeRefusesWhileThePostgresOfTheDataDirRuns() throws Exception {
        StackLayout layout = new StackLayout(repo, repo.resolve("data"));
        layout.prepare();
        Files.writeString(layout.demoSeedFile(), "kept\n");
        try (PostgresServer postgres = PostgresServer.start(layout.postgresDir(), 0)) {
            long postmaster = Watchdog.postmasterPid(layout.postgresDir()).orElseThrow();

            Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "-D" + StackLayout.ROOT_PROPERTY + "=" + repo, "-cp", System.getProperty("java.class.path"),
                    StackMain.class.getName(), "--wipe", "--data-dir", layout.dataDir().toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(launcher.waitFor(60, TimeUnit.SECONDS));

            assertEquals(1, launcher.exitValue(), output);
            assertTrue(output.contains("Refusing to wipe " + layout.dataDir()), output);
            assertTrue(output.contains("PostgreSQL (pid " + postmaster + ")"), output);
            assertTrue(output.contains("Nothing was deleted"), output);
            assertEquals(List.of("kept"), Files.readAllLines(layout.demoSeedFile()));
            assertTrue(Files.isRegularFile(layout.postgresDir().resolve("PG_VERSION")));
            assertTrue(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false));
            postgres.ensureDatabase("still_answering");
        }
    }
}
