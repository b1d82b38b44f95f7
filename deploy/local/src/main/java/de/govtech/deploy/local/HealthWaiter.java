package de.govtech.deploy.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Polls the readiness of child applications until every one is UP. Fails fast, naming the application and its
 * log, when one exits or misses its timeout.
 */
final class HealthWaiter {

    private static final long POLL_MILLIS = 500;

    private final HealthProbe probe;
    private final ProgressBoard board;
    private final Duration timeout;

    HealthWaiter(HealthProbe probe, ProgressBoard board, Duration timeout) {
        this.probe = probe;
        this.board = board;
        this.timeout = timeout;
    }

    void awaitReady(List<ServiceProcess> services) throws InterruptedException {
        List<ServiceProcess> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    String why = "exited with code " + service.exitValue() + " while starting";
                    board.failed(service.name(), "failed");
                    throw new StackException(service.name() + " " + why + ".", service.logFile());
                }
                if (probe.check(service.spec().healthUrl()).up()) {
                    board.up(service.name(), service.spec().baseUrl());
                    waiting.remove(service);
                } else if (ProgressBoard.secondsSince(service.startedNanos()) > timeout.toSeconds()) {
                    String why = "not ready within " + timeout.toSeconds() + " s ("
                            + probe.check(service.spec().healthUrl()).detail() + " from " + service.spec().healthUrl() + ")";
                    board.failed(service.name(), "failed");
                    throw new StackException(service.name() + " " + why + ".", service.logFile());
                }
            }
            if (!waiting.isEmpty()) {
                Thread.sleep(POLL_MILLIS);
            }
        }
    }
}
