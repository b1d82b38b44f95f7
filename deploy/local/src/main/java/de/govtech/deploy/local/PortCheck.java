package de.govtech.deploy.local;

import de.govtech.platform.infra.PortInUseException;
import de.govtech.platform.infra.Ports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks every fixed port before anything starts, so a taken port fails in a second with a message naming the
 * port, what needs it and how to find the holder, instead of half a stack later.
 */
final class PortCheck {

    record PortUse(int port, String what) {
    }

    private PortCheck() {
    }

    /** {@code services} already carry their shifted ports ({@link StackPorts#of(List)}). */
    static List<PortUse> portsFor(StackPorts ports, List<ServiceSpec> services) {
        List<PortUse> uses = new ArrayList<>(List.of(
                new PortUse(ports.postgres(), "PostgreSQL"),
                new PortUse(ports.kafka(), "Kafka broker"),
                new PortUse(ports.kafkaController(), "Kafka controller"),
                new PortUse(ports.keycloak(), "Keycloak"),
                new PortUse(ports.keycloakManagement(), "Keycloak management (health)"),
                new PortUse(ports.sampleBroker(), "the sample broker")));
        services.forEach(s -> uses.add(new PortUse(s.port(), s.name())));
        return uses;
    }

    /** Throws a {@link StackException} listing every taken port. */
    static void requireFree(List<PortUse> uses, StackLayout layout, StackPorts ports) {
        List<String> problems = new ArrayList<>();
        Set<Long> leftovers = new TreeSet<>();
        for (PortUse use : uses) {
            try {
                Ports.requireFree(use.port(), use.what());
            } catch (PortInUseException e) {
                Optional<Leftover> leftover = leftover(use, layout, ports.postgres());
                leftover.ifPresent(l -> leftovers.add(l.pid()));
                problems.add("  port " + use.port() + " is taken, but " + use.what() + " needs it."
                        + " Who holds it: ss -ltnp 'sport = :" + use.port() + "'"
                        + leftover.map(l -> "\n      it looks like " + l.name() + " of an earlier run (pid " + l.pid()
                                + ") whose launcher was killed").orElse(""));
            }
        }
        if (!problems.isEmpty()) {
            String hint = leftovers.isEmpty()
                    ? "  Is the stack already running (another ./stack.sh)? Stop it with Ctrl-C there, or stop what"
                            + " holds the port."
                    : "  Stop the leftovers with: kill " + leftovers.stream().map(String::valueOf).collect(Collectors.joining(" "));
            throw new StackException("Cannot start: " + (problems.size() == 1 ? "a port" : problems.size() + " ports")
                    + " the stack needs " + (problems.size() == 1 ? "is" : "are") + " in use.\n"
                    + String.join("\n", problems) + "\n" + hint);
        }
    }

    private record Leftover(long pid, String name) {
    }

    /** A PostgreSQL or JVM left over from an earlier run whose launcher was killed (SIGKILL runs no cleanup). */
    private static Optional<Leftover> leftover(PortUse use, StackLayout layout, int postgresPort) {
        if (use.port() == postgresPort) {
            return pidFromFile(layout.postgresDir().resolve("postmaster.pid"))
                    .flatMap(ProcessHandle::of)
                    .filter(ProcessHandle::isAlive)
                    .map(p -> new Leftover(p.pid(), "the PostgreSQL"));
        }
        return ChildPids.read(layout).stream()
                .filter(entry -> entry.port() == use.port())
                .filter(entry -> entry.running().isPresent())
                .findFirst()
                .map(entry -> new Leftover(entry.pid(), "the " + entry.name()));
    }

    private static Optional<Long> pidFromFile(Path file) {
        try {
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
