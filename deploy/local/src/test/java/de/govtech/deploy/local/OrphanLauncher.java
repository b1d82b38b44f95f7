package de.govtech.deploy.local;

import de.govtech.platform.infra.PostgresServer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A launcher in miniature for {@link OrphanTest}: starts a real PostgreSQL and a cheap application the way
 * {@link Stack} does (guarded by their watchdogs), prints their pids and waits to be killed.
 * {@code OrphanLauncher <data dir>}
 */
public final class OrphanLauncher {

    private OrphanLauncher() {
    }

    public static void main(String[] args) throws Exception {
        StackLayout layout = new StackLayout(Path.of(args[0]), Path.of(args[0]));
        layout.prepare();
        PostgresServer postgres = PostgresServer.start(layout.postgresDir(), 0);
        long postmaster = Watchdog.guardPostgres(layout.postgresDir(), layout.logsDir()).orElseThrow();
        ChildPids.add(layout, postmaster, postgres.port(), DataDirProcesses.POSTGRES);
        ServiceSpec spec = new ServiceSpec("sleepy-service", "sleepy-service", 0, "sleepy");
        ServiceProcess app = ServiceProcess.start(spec, List.of("sleep", "600"), Map.of(), layout.dataDir(),
                layout.logFile("sleepy-service"));
        ChildPids.add(layout, app);
        ChildPids.recordLauncher(layout);
        System.out.println("postgres " + postmaster);
        System.out.println("app " + app.pid());
        System.out.println("ready");
        Thread.sleep(Long.MAX_VALUE);
    }
}
