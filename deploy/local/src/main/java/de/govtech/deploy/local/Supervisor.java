package de.govtech.deploy.local;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Restarts the launcher's own children (applications, the sample broker) when they die while the stack runs,
 * following a {@link RestartPolicy}, and tells a {@link Listener} about each death, restart and give-up. Nothing is
 * restarted once the stack stops or the child was asked to stop.
 */
final class Supervisor implements AutoCloseable {

    interface Listener {
        /** It died and is restarted after {@code restart.delay()}. */
        void died(ChildProcess child, int exitCode, RestartPolicy.Restart restart);

        void restarted(ChildProcess child, int restartsInARow);

        /** It died once too often in a row (or could not be started again) and stays down. */
        void gaveUp(ChildProcess child, String why);
    }

    /** Per child: the restarts of the current series. Touched only on the supervisor's thread. */
    private static final class Series {
        int restartsInARow;
    }

    private final RestartPolicy policy;
    private final Duration settle;
    private final BooleanSupplier stopping;
    private final Listener listener;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "stack-supervisor");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * {@code settle}: how long to wait after a death before deciding (on Ctrl-C in a terminal the children get
     * SIGINT too and may die before the launcher's own handler has set {@code stopping}).
     */
    Supervisor(RestartPolicy policy, Duration settle, BooleanSupplier stopping, Listener listener) {
        this.policy = policy;
        this.settle = settle;
        this.stopping = stopping;
        this.listener = listener;
    }

    void supervise(ChildProcess child) {
        watch(child, new Series());
    }

    private void watch(ChildProcess child, Series series) {
        long startedNanos = child.startedNanos();
        child.onExit().thenRun(() -> {
            Duration uptime = Duration.ofNanos(System.nanoTime() - startedNanos);
            schedule(() -> afterDeath(child, series, uptime), settle);
        });
    }

    private void afterDeath(ChildProcess child, Series series, Duration uptime) {
        if (stopping.getAsBoolean() || child.stopRequested()) {
            return;
        }
        int exitCode = child.exitValue();
        RestartPolicy.Decision decision = policy.afterDeath(series.restartsInARow, uptime);
        if (decision instanceof RestartPolicy.GiveUp giveUp) {
            listener.gaveUp(child, "exited with code " + exitCode + ", " + (giveUp.restartsInARow() + 1)
                    + " times in a row; not restarted any more");
            return;
        }
        RestartPolicy.Restart restart = (RestartPolicy.Restart) decision;
        series.restartsInARow = restart.inARow();
        listener.died(child, exitCode, restart);
        schedule(() -> restart(child, series), restart.delay());
    }

    private void restart(ChildProcess child, Series series) {
        if (stopping.getAsBoolean()) {
            return;
        }
        try {
            if (child.restart()) {
                listener.restarted(child, series.restartsInARow);
                watch(child, series);
            }
        } catch (IOException e) {
            listener.gaveUp(child, "could not be started again: " + e.getMessage());
        }
    }

    private void schedule(Runnable action, Duration delay) {
        if (!executor.isShutdown()) {
            try {
                executor.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closed meanwhile: the stack stops
            }
        }
    }

    /** No restart after this. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
