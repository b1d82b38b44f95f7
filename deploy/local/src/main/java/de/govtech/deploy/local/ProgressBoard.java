package de.govtech.deploy.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Shows what the launcher is waiting for. On a terminal one status line counts the seconds of every pending
 * component; elsewhere (a log file, CI) a "waiting for …" line per component every ten seconds.
 */
final class ProgressBoard implements AutoCloseable {

    private static final int PLAIN_EVERY_SECONDS = 10;

    private record Pending(long startNanos, long[] lastReported) {
    }

    private final Terminal terminal;
    private final StartTimeline timeline;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "stack-progress");
        thread.setDaemon(true);
        return thread;
    });

    ProgressBoard(Terminal terminal) {
        this(terminal, new StartTimeline(System.nanoTime()));
    }

    /** {@code timeline} records when each component began and became ready (or failed). */
    ProgressBoard(Terminal terminal, StartTimeline timeline) {
        this.terminal = terminal;
        this.timeline = timeline;
        ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    static long secondsSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
    }

    synchronized void begin(String name) {
        begin(name, System.nanoTime());
    }

    synchronized void begin(String name, long startNanos) {
        pending.put(name, new Pending(startNanos, new long[] {0}));
        timeline.began(name, startNanos);
        if (!terminal.interactive()) {
            terminal.println("starting " + name + " " + terminal.ellipsis());
        }
        redraw();
    }

    /** "✔ membership-service UP (http://localhost:8081) in 14 s". */
    synchronized void up(String name, String where) {
        Pending p = pending.remove(name);
        long seconds = p == null ? 0 : secondsSince(p.startNanos());
        timeline.ready(name, System.nanoTime());
        terminal.clearStatus(); // else println would redraw the line that still names this component
        terminal.println(terminal.ok() + " " + name + " UP" + (where == null ? "" : " (" + where + ")")
                + " in " + seconds + " s");
        redraw();
    }

    synchronized void failed(String name, String why) {
        Pending p = pending.remove(name);
        long seconds = p == null ? 0 : secondsSince(p.startNanos());
        timeline.failed(name, System.nanoTime());
        terminal.clearStatus();
        terminal.error(terminal.failed() + " " + name + " " + why + " (after " + seconds + " s)");
        redraw();
    }

    synchronized void forget(String name) {
        pending.remove(name);
        redraw();
    }

    private synchronized void tick() {
        if (terminal.interactive()) {
            redraw();
            return;
        }
        pending.forEach((name, p) -> {
            long seconds = secondsSince(p.startNanos());
            long bucket = seconds / PLAIN_EVERY_SECONDS;
            if (bucket > p.lastReported()[0]) {
                p.lastReported()[0] = bucket;
                terminal.println("waiting for " + name + " " + terminal.ellipsis() + " " + seconds + " s");
            }
        });
    }

    private void redraw() {
        if (!terminal.interactive()) {
            return;
        }
        if (pending.isEmpty()) {
            terminal.clearStatus();
            return;
        }
        terminal.status("waiting for " + pending.entrySet().stream()
                .map(e -> e.getKey() + " " + terminal.ellipsis() + " " + secondsSince(e.getValue().startNanos()) + " s")
                .collect(Collectors.joining(" | ")));
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        pending.clear();
        terminal.clearStatus();
    }
}
