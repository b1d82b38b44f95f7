package de.govtech.deploy.local;

import de.govtech.platform.infra.KeycloakServer;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code prepare-keycloak}: what a fresh data dir's Keycloak start would otherwise do every time, done once per
 * build — the distribution built for {@code start --optimized} and the {@link KeycloakDatabaseTemplate} for this
 * Keycloak version and realm file. deploy/local's Maven build runs it after packaging the launcher.
 */
@Command(name = "prepare-keycloak", mixinStandardHelpOptions = true, versionProvider = StackMain.Version.class,
        description = "Builds Keycloak for an optimized start and prepares its database (schema, master realm, the"
                + " dev realm) once, outside any data dir, so that a fresh data dir's Keycloak starts from it."
                + " Does nothing when both are there. The Maven build runs it.")
final class PrepareKeycloakCommand implements Callable<Integer> {

    private final Terminal terminal;

    PrepareKeycloakCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        StackLayout layout;
        try {
            layout = StackLayout.resolve(null);
        } catch (StackException e) {
            terminal.error(terminal.failed() + " " + e.getMessage());
            return 2;
        }
        Path home = layout.keycloakHome();
        if (!Files.isRegularFile(home.resolve("bin").resolve("kc.sh"))) {
            terminal.println("No Keycloak distribution at " + home + " (build deploy/keycloak first): nothing prepared;"
                    + " a fresh data dir's Keycloak then sets up its database itself.");
            return 0;
        }
        Path log = layout.keycloakTemplateLog();
        long begin = System.nanoTime();
        try {
            Files.createDirectories(log.getParent());
            Path optimized = KeycloakServer.optimizedDistribution(home, layout.keycloakCache(), log);
            long built = System.nanoTime();
            terminal.println(terminal.ok() + " Keycloak for an optimized start: " + layout.root().relativize(optimized)
                    + " (" + ProgressBoard.secondsSince(begin) + " s)");
            KeycloakDatabaseTemplate templates = new KeycloakDatabaseTemplate(layout.keycloakDatabaseCache());
            KeycloakDatabaseTemplate.Key key = layout.keycloakDatabaseKey();
            boolean made = templates.prepare(key, optimized, Stack.KEYCLOAK_JVM_OPTIONS, layout.realmFile(), log);
            terminal.println(terminal.ok() + " Keycloak database " + (made ? "prepared in "
                    + ProgressBoard.secondsSince(built) + " s" : "already prepared") + " ("
                    + layout.root().relativize(templates.directory(key)) + ", log " + layout.root().relativize(log) + ")");
            return 0;
        } catch (IOException | RuntimeException e) {
            terminal.error(terminal.failed() + " Preparing Keycloak failed: " + e.getMessage() + " (log " + log + ")");
            return 1;
        }
    }
}
