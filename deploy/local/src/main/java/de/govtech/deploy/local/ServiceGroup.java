package de.govtech.deploy.local;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Applications started together and stopped together: SIGTERM to all at once, then wait for each — within one grace
 * period for the whole group, not one per member (a group of four that each take long to exit, e.g. while writing
 * their AppCDS archive, would otherwise take four grace periods).
 */
final class ServiceGroup {

    private final List<ServiceProcess> members = new CopyOnWriteArrayList<>();

    void add(ServiceProcess service) {
        members.add(service);
    }

    List<ServiceProcess> members() {
        return List.copyOf(members);
    }

    String label() {
        return String.join(", ", members.stream().map(ServiceProcess::name).toList());
    }

    void stopAll(Duration grace, Terminal terminal) {
        long start = System.nanoTime();
        long deadline = start + grace.toNanos();
        members.forEach(ServiceProcess::requestStop);
        for (ServiceProcess service : members) {
            service.awaitStopped(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            terminal.println("  " + terminal.ok() + " " + service.name() + " stopped ("
                    + ProgressBoard.secondsSince(start) + " s)");
        }
    }
}
