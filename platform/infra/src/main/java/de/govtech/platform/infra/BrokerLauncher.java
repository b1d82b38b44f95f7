package de.govtech.platform.infra;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Main class of the Kafka child JVM: {@code BrokerLauncher <parent-pid> <main-class> <args...>}.
 * It ends the child when the parent JVM is gone, also when the parent was killed and its shutdown hook never ran.
 * {@link KafkaServer} copies this class file out of its jar, so it must stay a single class using only the JDK
 * (no nested or anonymous classes).
 */
public final class BrokerLauncher {

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
        try {
            Class.forName(args[1])
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
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
