package de.govtech.platform.infra;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Main class of the Kafka child JVM: {@code BrokerLauncher <parent-pid> <main-class> <args...>}.
 * It ends the child when the parent JVM is gone, also when the parent was killed and its shutdown hook never ran.
 * With the system property {@value #FORMAT_PROPERTY} (a cluster id) it first formats the storage for that cluster in
 * the same JVM ({@code kafka.tools.StorageTool format -t <cluster-id> -c <the main class's first argument>}): a JVM
 * of its own just for the format cost a third as much CPU again as the broker's start, and here the broker reuses the
 * classes the format loaded.
 * {@link KafkaServer} copies this class file out of its jar, so it must stay a single class using only the JDK
 * (no nested or anonymous classes).
 */
public final class BrokerLauncher {

    static final String FORMAT_PROPERTY = "govtech.kafka.format";
    private static final String STORAGE_TOOL = "kafka.tools.StorageTool";

    private BrokerLauncher() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: BrokerLauncher <parent-pid> <main-class> [args...]");
            System.exit(2);
        }
        long parentPid = Long.parseLong(args[0]);
        Thread watchdog = new Thread(() -> exitWhenParentEnds(parentPid), "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        String clusterId = System.getProperty(FORMAT_PROPERTY);
        if (clusterId != null && args.length > 2) {
            formatStorage(new String[] {"format", "-t", clusterId, "-c", args[2]});
        }
        try {
            Class.forName(args[1])
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** StorageTool's main would exit the JVM, so its execute method runs; a failed format ends the child with its code. */
    private static void formatStorage(String[] arguments) throws Throwable {
        int exitCode;
        try {
            exitCode = (Integer) Class.forName(STORAGE_TOOL)
                    .getMethod("execute", String[].class, java.io.PrintStream.class)
                    .invoke(null, arguments, System.out);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (exitCode != 0) {
            System.err.println("Formatting the storage failed with exit code " + exitCode);
            System.exit(exitCode);
        }
    }

    private static void exitWhenParentEnds(long parentPid) {
        ProcessHandle.of(parentPid).ifPresent(parent -> parent.onExit().join());
        System.err.println("Parent process " + parentPid + " is gone; shutting down");
        Thread halter = new Thread(() -> {
            sleepSeconds(20);
            Runtime.getRuntime().halt(1);
        }, "halt-if-shutdown-hangs");
        halter.setDaemon(true);
        halter.start();
        System.exit(1);
    }

    private static void sleepSeconds(long seconds) {
        try {
            TimeUnit.SECONDS.sleep(seconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
