package de.govtech.deploy.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code <data dir>/children.pid}: the JVMs the launcher started ("pid port name" per line). A launcher
 * killed with SIGKILL runs no shutdown hook; this file lets the next start name the leftovers in its port check.
 */
final class ChildPids {

    record Entry(long pid, int port, String name) {
    }

    private ChildPids() {
    }

    static Path file(StackLayout layout) {
        return layout.dataDir().resolve("children.pid");
    }

    static void add(StackLayout layout, ServiceProcess service) {
        add(layout, service.pid(), service.spec().port(), service.name());
    }

    static synchronized void add(StackLayout layout, long pid, int port, String name) {
        try {
            Files.writeString(file(layout), pid + " " + port + " " + name + "\n",
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
                String[] parts = line.strip().split(" ", 3);
                if (parts.length == 3) {
                    entries.add(new Entry(Long.parseLong(parts[0]), Integer.parseInt(parts[1]), parts[2]));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // a damaged hint file is no hint
        }
        return entries;
    }
}
