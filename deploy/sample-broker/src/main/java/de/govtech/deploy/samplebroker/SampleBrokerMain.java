package de.govtech.deploy.samplebroker;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar sample-broker.jar --port 8090 ...}: runs the broker until SIGTERM / SIGINT, one line per request on
 * stdout. Exit code 2 for a bad command line, 1 when it cannot start (port taken).
 */
public final class SampleBrokerMain {

    private SampleBrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        BrokerArguments arguments;
        try {
            arguments = BrokerArguments.parse(args);
        } catch (RuntimeException e) {
            System.err.println("sample-broker: " + e.getMessage());
            System.err.println(BrokerArguments.USAGE);
            System.exit(2);
            return;
        }
        if (arguments.help()) {
            System.out.println(BrokerArguments.USAGE);
            return;
        }
        PrintStream out = System.out;
        SampleBroker broker;
        try {
            broker = SampleBroker.start(arguments.settings(),
                    line -> out.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + line));
        } catch (IOException e) {
            System.err.println("sample-broker: cannot listen on port " + arguments.settings().port() + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            out.println("sample-broker stopped");
            out.flush();
            stopped.countDown();
        }, "sample-broker-shutdown"));
        out.println("sample-broker (OSB 2.17) listening on " + broker.baseUrl() + " as user "
                + arguments.settings().username() + "; services: " + serviceNames(arguments.settings().catalog()));
        out.flush();
        stopped.await();
    }

    private static String serviceNames(Catalog catalog) {
        return String.join(", ", catalog.services().stream()
                .map(s -> s.name() + " [" + String.join(", ", s.plans().stream().map(ServicePlan::name).toList()) + "]")
                .toList());
    }
}
