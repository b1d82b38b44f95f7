package de.govtech.deploy.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code <data dir>/children.pid}: the processes the launcher started ("pid start port name" per line; the start,
 * see {@link ProcessStart}, tells a child from a later process that got the same pid). A launcher killed with
 * SIGKILL runs no shutdown hook; this file lets the next start find and stop the leftovers ({@link DataDirProcesses})
 * and the port check name them. {@code <data dir>/launcher.pid} ("pid start") names the launcher that owns the data
 * dir.
 */
final class ChildPids {

    record Entry(long pid, long startMark, int port, String name) {

        /** The very process recorded, still running (not a zombie, not a newer one with the same pid). */
        Optional<ProcessHandle> running() {
            return ProcessHandle.of(pid).filter(p -> p.isAlive() && startMark >= 0 && ProcessStart.of(p) == startMark);
        }
    }

    private ChildPids() {
    }

    static Path file(StackLayout layout) {
        return layout.dataDir().resolve("children.pid");
    }

    static Path launcherFile(StackLayout layout) {
        return layout.dataDir().resolve("launcher.pid");
    }

    static void add(StackLayout layout, ServiceProcess service) {
        add(layout, service.pid(), service.spec().port(), service.name());
    }

    static void add(StackLayout layout, long pid, int port, String name) {
        add(layout, ProcessHandle.of(pid).map(ProcessStart::of).orElse(-1L), pid, port, name);
    }

    private static synchronized void add(StackLayout layout, long startMark, long pid, int port, String name) {
        try {
            Files.writeString(file(layout), pid + " " + startMark + " " + port + " " + name + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // only a hint for a later run; the stack works without it
        }
    }

    static synchronized void clear(StackLayout layout) {
        try {
            Files.deleteIfExists(file(layout));
        } catch (IOException e) {
            // see add
        }
    }

    static List<Entry> read(StackLayout layout) {
        List<Entry> entries = new ArrayList<>();
        try {
            if (!Files.isRegularFile(file(layout))) {
                return entries;
            }
            for (String line : Files.readAllLines(file(layout), StandardCharsets.UTF_8)) {
                String[] parts = line.strip().split(" ", 4);
                if (parts.length == 4) {
                    entries.add(new Entry(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Integer.parseInt(parts[2]),
                            parts[3]));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // a damaged hint file is no hint
        }
        return entries;
    }

    /** Records this JVM as the launcher owning the data dir. */
    static void recordLauncher(StackLayout layout) {
        recordLauncher(layout, ProcessHandle.current());
    }

    static void recordLauncher(StackLayout layout, ProcessHandle launcher) {
        try {
            Files.writeString(launcherFile(layout), launcher.pid() + " " + ProcessStart.of(launcher) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            // see add
        }
    }

    static void clearLauncher(StackLayout layout) {
        try {
            Files.deleteIfExists(launcherFile(layout));
        } catch (IOException e) {
            // see add
        }
    }

    /** The launcher recorded in launcher.pid, when it still runs and is not this JVM. */
    static Optional<ProcessHandle> otherLauncher(StackLayout layout) {
        try {
            if (!Files.isRegularFile(launcherFile(layout))) {
                return Optional.empty();
            }
            String[] parts = Files.readString(launcherFile(layout), StandardCharsets.UTF_8).strip().split(" ");
            Entry entry = new Entry(Long.parseLong(parts[0]), Long.parseLong(parts[1]), 0, "launcher");
            return entry.running().filter(p -> p.pid() != ProcessHandle.current().pid());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
