package de.govtech.deploy.local;

import picocli.CommandLine.Command;

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

    StatusCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        line("PostgreSQL", "localhost:" + PortCheck.POSTGRES_PORT, listening(PortCheck.POSTGRES_PORT));
        line("Kafka", "localhost:" + PortCheck.KAFKA_PORT, listening(PortCheck.KAFKA_PORT));
        String keycloakHealth = "http://localhost:" + PortCheck.KEYCLOAK_MANAGEMENT_PORT + "/health/ready";
        line("Keycloak", "http://localhost:" + PortCheck.KEYCLOAK_PORT, probe.check(keycloakHealth).up());
        for (ServiceSpec spec : ServiceSpec.ALL) {
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
