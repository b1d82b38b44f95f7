package de.govtech.deploy.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What still runs from a data dir: its launcher (launcher.pid), the children that launcher recorded
 * (children.pid, each checked by its start time) and the PostgreSQL that owns {@code postgres/} (postmaster.pid).
 * Before a start the launcher refuses when another launcher owns the data dir, refuses {@code --wipe} while
 * anything of it runs, and otherwise stops what a killed launcher left behind.
 */
final class DataDirProcesses {

    static final String POSTGRES = "PostgreSQL";

    record Running(ProcessHandle process, String name) {

        String describe() {
            return name + " (pid " + process.pid() + ")";
        }
    }

    private final StackLayout layout;

    DataDirProcesses(StackLayout layout) {
        this.layout = layout;
    }

    /** Another launcher still runs from this data dir: two stacks cannot share one. */
    void refuseIfAnotherLauncherRuns() {
        ChildPids.otherLauncher(layout).ifPresent(launcher -> {
            throw new StackException("A stack already runs from " + layout.dataDir() + " (launcher pid " + launcher.pid()
                    + "). Stop it first (Ctrl-C in its terminal, or: kill " + launcher.pid() + "), or give this one"
                    + " another --data-dir.");
        });
    }

    /** {@code --wipe} must not pull the data from under a PostgreSQL or an application that still uses it. */
    void refuseWipeWhileRunning() {
        List<Running> running = running();
        if (running.isEmpty()) {
            return;
        }
        throw new StackException("Refusing to wipe " + layout.dataDir() + ": processes of this data dir still run: "
                + running.stream().map(Running::describe).collect(Collectors.joining(", ")) + ".\n"
                + "  Nothing was deleted. Start once without --wipe (it stops what a killed launcher left behind), or"
                + " stop them yourself: kill " + pids(running));
    }

    /** The recorded children that still run, PostgreSQL last (it is stopped after the applications). */
    List<Running> running() {
        List<Running> running = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        for (ChildPids.Entry entry : ChildPids.read(layout)) {
            entry.running().filter(p -> !seen.contains(p.pid())).ifPresent(p -> {
                seen.add(p.pid());
                running.add(new Running(p, entry.name()));
            });
        }
        postmaster().filter(p -> !seen.contains(p.pid())).ifPresent(p -> running.add(new Running(p, POSTGRES)));
        return running;
    }

    /**
     * Stops what a killed launcher left: the applications with SIGTERM, PostgreSQL with SIGINT (fast shutdown),
     * SIGKILL for whatever still runs after {@code graceMillis}. Returns what it found.
     */
    List<Running> stopLeftovers(long graceMillis) throws InterruptedException {
        List<Running> left = running();
        List<Running> postgres = left.stream().filter(r -> r.name().equals(POSTGRES)).toList();
        List<Running> others = left.stream().filter(r -> !r.name().equals(POSTGRES)).toList();
        others.forEach(r -> r.process().destroy());
        awaitGone(others, graceMillis);
        // its clients are gone now; SIGINT is PostgreSQL's fast shutdown
        postgres.forEach(r -> signal(r.process(), "INT"));
        awaitGone(postgres, graceMillis);
        return left;
    }

    private static void awaitGone(List<Running> processes, long graceMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        while (processes.stream().anyMatch(r -> r.process().isAlive()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        processes.stream().filter(r -> r.process().isAlive()).forEach(r -> r.process().destroyForcibly());
        long killDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (processes.stream().anyMatch(r -> r.process().isAlive()) && System.nanoTime() < killDeadline) {
            Thread.sleep(100);
        }
    }

    private static void signal(ProcessHandle process, String signal) {
        try {
            new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The postmaster owning this data dir's {@code postgres/}: postmaster.pid names it and its data directory. */
    Optional<ProcessHandle> postmaster() {
        Path dir = layout.postgresDir();
        Path pidFile = dir.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.size() < 2 || !Files.isSameFile(Path.of(lines.get(1).strip()), dir)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static String pids(List<Running> running) {
        return running.stream().map(r -> Long.toString(r.process().pid())).collect(Collectors.joining(" "));
    }
}
