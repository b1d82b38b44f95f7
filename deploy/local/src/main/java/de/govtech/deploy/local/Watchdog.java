package de.govtech.deploy.local;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A tiny {@code sh} beside each child that ends the child when the launcher is gone, also when the launcher was
 * killed with SIGKILL and could not clean up. It polls {@code kill -0 <launcher>} once a second, ends by itself when
 * the child ends, and ignores SIGINT/SIGHUP (Ctrl-C or a closed terminal reach the whole process group; the launcher
 * then stops its children itself, and the watchdog is what is left when the launcher dies doing so).
 *
 * <p>Why not {@code setpriv --pdeathsig}: PostgreSQL is started (and daemonised) by {@code pg_ctl} and Keycloak by
 * {@code kc.sh}, both inside platform-infra, and PDEATHSIG follows the forking thread, not the launcher.
 */
final class Watchdog {

    static final String LOG_NAME = "watchdog.log";
    /** How long a child has after its signal before SIGKILL. */
    static final int GRACE_SECONDS = 20;

    private static final String SCRIPT = """
            trap '' INT HUP
            launcher=$1 child=$2 signal=$3 grace=$4 name=$5
            alive() {
              kill -0 "$1" 2>/dev/null || return 1
              read -r stat 2>/dev/null < "/proc/$1/stat" || return 1
              state=${stat##*) }
              [ "${state%% *}" != Z ]
            }
            while alive "$launcher"; do
              alive "$child" || exit 0
              sleep 1
            done
            alive "$child" || exit 0
            echo "$(date '+%F %T') launcher $launcher is gone: stopping $name (pid $child) with SIG$signal"
            kill -s "$signal" "$child" 2>/dev/null
            waited=0
            while alive "$child" && [ "$waited" -lt "$grace" ]; do
              sleep 1
              waited=$((waited + 1))
            done
            if alive "$child"; then
              echo "$(date '+%F %T') $name (pid $child) still runs after $grace s: SIGKILL"
              kill -s KILL "$child" 2>/dev/null
            fi
            """;

    private static final List<Process> RUNNING = new CopyOnWriteArrayList<>();

    private Watchdog() {
    }

    /** Guards {@code child}: SIGTERM (then SIGKILL) when this launcher is gone. */
    static void guard(long child, String name, Path logsDir) {
        guard(child, "TERM", name, logsDir);
    }

    /**
     * {@code signal}: what the child understands as "stop now" (TERM for the JVMs, INT for PostgreSQL: its fast
     * shutdown, what {@code pg_ctl stop -m fast} sends). A watchdog that cannot start leaves the child unguarded:
     * the next start of the launcher still finds it ({@link DataDirProcesses}).
     */
    static void guard(long child, String signal, String name, Path logsDir) {
        try {
            Files.createDirectories(logsDir);
            RUNNING.removeIf(watchdog -> !watchdog.isAlive());
            RUNNING.add(new ProcessBuilder(List.of("sh", "-c", SCRIPT, "watchdog",
                    Long.toString(ProcessHandle.current().pid()), Long.toString(child), signal,
                    Integer.toString(GRACE_SECONDS), name))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logsDir.resolve(LOG_NAME).toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start());
        } catch (IOException e) {
            java.util.logging.Logger.getLogger(Watchdog.class.getName())
                    .warning("no watchdog for " + name + " (pid " + child + "): " + e.getMessage());
        }
    }

    /** After an orderly stop: the watchdogs are not needed any more (each would end within a second anyway). */
    static void endAll() {
        List<Process> watchdogs = List.copyOf(RUNNING);
        RUNNING.clear();
        watchdogs.forEach(Process::destroy);
        for (Process watchdog : watchdogs) {
            try {
                watchdog.waitFor(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Guards the postmaster of {@code postgresDir} (its pid from postmaster.pid). Returns that pid. */
    static Optional<Long> guardPostgres(Path postgresDir, Path logsDir) {
        Optional<Long> pid = postmasterPid(postgresDir);
        pid.ifPresent(p -> guard(p, "INT", "PostgreSQL", logsDir));
        return pid;
    }

    static Optional<Long> postmasterPid(Path postgresDir) {
        try {
            Path file = postgresDir.resolve("postmaster.pid");
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
