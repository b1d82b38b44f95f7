package de.govtech.systemtests;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polling for what happens asynchronously (events between services, provisioning through the broker). */
final class Await {

    private static final Duration PAUSE = Duration.ofMillis(500);

    private Await() {
    }

    /**
     * Calls {@code probe} until {@code done} accepts its result or {@code timeout} passes; returns the last result
     * either way, so the caller's assertion shows what was seen last.
     */
    static <T> T until(Supplier<T> probe, Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            pause();
            last = probe.get();
        }
        return last;
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
