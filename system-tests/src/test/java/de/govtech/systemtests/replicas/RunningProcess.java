package de.govtech.systemtests.replicas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A process of the running stack as Linux shows it under {@code /proc/<pid>}: its command line, environment, working
 * directory and where its standard output goes (the launcher sends each component's output to its log file).
 * Works for a stack this run started and for one started elsewhere by the same user.
 */
record RunningProcess(long pid, List<String> commandLine) {

    /**
     * The process whose command line contains {@code commandPart} and that listens on {@code port} by its
     * environment ({@code QUARKUS_HTTP_PORT}) or its command line ({@code --port N}): with several stacks on one
     * machine, the port tells ours apart.
     */
    static RunningProcess find(String commandPart, int port) {
        return ProcessHandle.allProcesses()
                .map(p -> new RunningProcess(p.pid(), commandLineOf(p.pid())))
                .filter(p -> p.commandLine().stream().anyMatch(arg -> arg.contains(commandPart)))
                .filter(p -> Integer.toString(port).equals(p.environment().get("QUARKUS_HTTP_PORT"))
                        || String.join(" ", p.commandLine()).contains("--port " + port))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no running process of " + commandPart + " on port " + port));
    }

    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : nulSeparated(proc("environ"))) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return env;
    }

    Path workingDir() {
        return link("cwd");
    }

    /** The file its standard output is redirected to. */
    Path stdoutFile() {
        return link("fd/1");
    }

    private Path link(String name) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + pid + "/" + name, e);
        }
    }

    private String proc(String name) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), name)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // gone meanwhile, or not ours to read
        }
    }

    private static List<String> commandLineOf(long pid) {
        try {
            return nulSeparated(new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> nulSeparated(String text) {
        return Arrays.stream(text.split("\0")).filter(s -> !s.isEmpty()).toList();
    }
}
