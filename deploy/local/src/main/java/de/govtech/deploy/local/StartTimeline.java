package de.govtech.deploy.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * When each part of the stack began to start and when it was ready, in seconds since the launcher began: the
 * launcher prints it after the start and writes it to {@code logs/launcher.log}, so a slow start shows where its
 * time went. Thread-safe; times are {@link System#nanoTime()} values.
 */
final class StartTimeline {

    private static final int BAR_WIDTH = 40;

    /** {@code readyNanos} is -1 while it starts; {@code failed}: it did not become ready. */
    private record Entry(long beganNanos, long readyNanos, boolean failed) {
    }

    private final long originNanos;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    StartTimeline(long originNanos) {
        this.originNanos = originNanos;
    }

    synchronized void began(String name, long nanos) {
        entries.put(name, new Entry(nanos, -1, false));
    }

    synchronized void ready(String name, long nanos) {
        Entry entry = entries.get(name);
        entries.put(name, new Entry(entry == null ? nanos : entry.beganNanos(), nanos, false));
    }

    synchronized void failed(String name, long nanos) {
        Entry entry = entries.get(name);
        entries.put(name, new Entry(entry == null ? nanos : entry.beganNanos(), nanos, true));
    }

    /** Seconds from the launcher's start until {@code nanos}. */
    double secondsAt(long nanos) {
        return (nanos - originNanos) / (double) TimeUnit.SECONDS.toNanos(1);
    }

    /**
     * The table: one line per component (start, ready, how long it took, a bar on a common time axis), then
     * {@code stack ready after N.N s} with {@code endNanos} (what bench/stack-start.sh reads).
     */
    synchronized List<String> lines(long endNanos) {
        double total = Math.max(secondsAt(endNanos), 0.1);
        int nameWidth = Math.max(9, entries.keySet().stream().mapToInt(String::length).max().orElse(0));
        List<String> lines = new ArrayList<>();
        lines.add("Start timeline (seconds since the launcher started):");
        lines.add(String.format(Locale.ROOT, "  %-" + nameWidth + "s  %6s  %6s  %6s", "component", "start", "ready", "took"));
        entries.forEach((name, entry) -> {
            double began = secondsAt(entry.beganNanos());
            String ready;
            String took;
            double end;
            if (entry.readyNanos() < 0) {
                ready = "-";
                took = "-";
                end = total;
            } else {
                end = secondsAt(entry.readyNanos());
                ready = entry.failed() ? "failed" : format(end);
                took = format(end - began);
            }
            lines.add(String.format(Locale.ROOT, "  %-" + nameWidth + "s  %6s  %6s  %6s  %s", name, format(began), ready, took,
                    bar(began, end, total)));
        });
        lines.add("  stack ready after " + format(total) + " s");
        return lines;
    }

    private static String format(double seconds) {
        return String.format(Locale.ROOT, "%.1f", seconds);
    }

    /** {@code |   ====     |}: where on the time axis it started and became ready. */
    private static String bar(double began, double end, double total) {
        int from = (int) Math.round(Math.max(0, began) / total * BAR_WIDTH);
        int to = (int) Math.round(Math.min(end, total) / total * BAR_WIDTH);
        from = Math.min(from, BAR_WIDTH);
        to = Math.max(to, Math.min(from + 1, BAR_WIDTH));
        return "|" + " ".repeat(from) + "=".repeat(to - from) + " ".repeat(BAR_WIDTH - to) + "|";
    }
}
