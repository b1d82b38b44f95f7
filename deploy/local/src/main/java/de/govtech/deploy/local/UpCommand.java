package de.govtech.deploy.local;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "up",
        description = "Starts PostgreSQL, Kafka, Keycloak, the sample broker, the four services and the gateway, waits"
                + " until each is healthy, seeds the demo app buergerservice-demo, prints where everything is and stays"
                + " in the foreground. Ctrl-C stops everything.",
        footer = {
            "",
            "Ports: gateway 8080, services 8081-8084, sample broker 8090, Keycloak 8180 (management 9180),"
                + " PostgreSQL 15432, Kafka 19092 (controller 19093); --port-offset N adds N to each.",
            "Data and logs live in the data dir and survive restarts. See deploy/local/README.md.",
            "A service, the gateway or the sample broker that dies is restarted (back-off 1 s to 30 s, given up after"
                + " 8 quick deaths in a row). Killed with kill -9, the launcher leaves nothing running: each child has"
                + " a watchdog; the next start stops any leftovers. --wipe refuses while anything of the data dir runs.",
            "./stack.sh also takes --no-build (start what was built before, skip the Maven build).",
            "Other command: status (which parts of a running stack answer)."},
        mixinStandardHelpOptions = true,
        versionProvider = StackMain.Version.class)
final class UpCommand implements Callable<Integer> {

    private final Terminal terminal;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where PostgreSQL, Kafka and the logs keep their data (default: <repo>/.stack-data).")
    Path dataDir;

    @Option(names = "--wipe", description = "Delete the data dir first (no questions asked) and start from scratch.")
    boolean wipe;

    @Option(names = "--services", split = ",", paramLabel = "NAME",
            description = "Only these applications, comma separated: membership, learning, solutions, marketplace,"
                    + " gateway (default: all). PostgreSQL, Kafka, Keycloak and the sample broker always start.")
    List<String> services;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long each service may take to become ready (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--port-offset", paramLabel = "N", defaultValue = "0",
            description = "Add N to every port, e.g. 20000 runs the gateway on 28080 and PostgreSQL on 35432, beside"
                    + " a stack on the usual ports (default: ${DEFAULT-VALUE}).")
    int portOffset;

    UpCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        List<ServiceSpec> selected;
        StackLayout layout;
        StackPorts ports;
        RuntimeJdk runtime;
        try {
            ports = new StackPorts(portOffset);
            selected = selection();
            layout = StackLayout.resolve(dataDir);
            runtime = RuntimeJdk.choose();
        } catch (StackException e) {
            terminal.error(terminal.failed() + " " + e.getMessage());
            return 2;
        }
        Stack stack = new Stack(layout, terminal, ports, selected, Duration.ofSeconds(timeoutSeconds), runtime);
        boolean interruptible = SignalStop.install(stack, terminal);
        long pid = ProcessHandle.current().pid();
        return stack.up(wipe, interruptible
                ? "Press Ctrl-C to stop (or: kill " + pid + ")."
                : "Stop with: kill " + pid + "   (Ctrl-C does not reach a launcher started in the background)");
    }

    private List<ServiceSpec> selection() {
        if (services == null || services.isEmpty()) {
            return ServiceSpec.ALL;
        }
        List<ServiceSpec> chosen = new ArrayList<>();
        for (String name : services) {
            ServiceSpec spec = ServiceSpec.byName(name).orElseThrow(() -> new StackException(
                    "Unknown application '" + name + "' in --services; known: membership, learning, solutions,"
                            + " marketplace, gateway"));
            if (!chosen.contains(spec)) {
                chosen.add(spec);
            }
        }
        // keep the start order: services first, gateway last
        return ServiceSpec.ALL.stream().filter(chosen::contains).toList();
    }
}
