package de.govtech.deploy.local;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = StackMain.Version.class,
        description = "Shows which parts of a running stack answer (exit code 0 when all do).")
final class StatusCommand implements Callable<Integer> {

    private final Terminal terminal;
    private final HealthProbe probe = new HealthProbe();
    private int down;

    @Option(names = "--port-offset", paramLabel = "N", defaultValue = "0",
            description = "Look for a stack started with the same --port-offset (default: ${DEFAULT-VALUE}).")
    int portOffset;

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
        terminal.println(String.format("%-7s %-20s %s", (up ? terminal.ok() + " UP" : terminal.failed() + " DOWN"), name, where));
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
