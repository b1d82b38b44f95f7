package de.govtech.deploy.local;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = StackMain.Version.class,
        description = "Shows which parts of a running stack answer (exit code 0 when all do) and what the launcher"
                + " restarted.")
final class StatusCommand implements Callable<Integer> {

    private final Terminal terminal;
    private final HealthProbe probe = new HealthProbe();
    private int down;
    private Map<String, String> restarts = Map.of();

    @Option(names = "--port-offset", paramLabel = "N", defaultValue = "0",
            description = "Look for a stack started with the same --port-offset (default: ${DEFAULT-VALUE}).")
    int portOffset;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The data dir of that stack, for its restarts (default: <repo>/.stack-data).")
    Path dataDir;

    StatusCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        StackPorts ports;
        try {
            ports = new StackPorts(portOffset);
        } catch (StackException e) {
            terminal.error(terminal.failed() + " " + e.getMessage());
            return 2;
        }
        restarts = restarts();
        line("PostgreSQL", "localhost:" + ports.postgres(), listening(ports.postgres()));
        line("Kafka", "localhost:" + ports.kafka(), listening(ports.kafka()));
        line("Keycloak", "http://localhost:" + ports.keycloak(), probe.check(ports.keycloakHealthUrl()).up());
        line(SampleBrokerProcess.NAME, SampleBrokerProcess.baseUrl(ports.sampleBroker()),
                probe.check(SampleBrokerProcess.healthUrl(ports.sampleBroker())).up());
        for (ServiceSpec spec : ports.of(ServiceSpec.ALL)) {
            line(spec.name(), spec.baseUrl(), probe.check(spec.healthUrl()).up());
        }
        return down == 0 ? 0 : 1;
    }

    private void line(String name, String where, boolean up) {
        if (!up) {
            down++;
        }
        String restart = restarts.containsKey(name) ? "   " + restarts.get(name) : "";
        terminal.println(String.format("%-7s %-20s %s%s", (up ? terminal.ok() + " UP" : terminal.failed() + " DOWN"), name,
                where, restart));
    }

    /** What the launcher of the data dir restarted; nothing when no launcher runs from it. */
    private Map<String, String> restarts() {
        try {
            StackLayout layout = StackLayout.resolve(dataDir);
            return ChildPids.otherLauncher(layout).isPresent() ? RestartStatus.read(layout) : Map.of();
        } catch (StackException e) {
            return Map.of();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
