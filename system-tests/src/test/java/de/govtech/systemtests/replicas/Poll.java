package de.govtech.systemtests.replicas;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polling for what happens asynchronously; the last result is returned either way, for the caller's assertion. */
final class Poll {

    private Poll() {
    }

    static <T> T until(Supplier<T> probe, Predicate<T> done, Duration timeout) throws InterruptedException {
        return until(probe, done, timeout, Duration.ofSeconds(1));
    }

    static <T> T until(Supplier<T> probe, Predicate<T> done, Duration timeout, Duration pause) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(pause.toMillis());
            last = probe.get();
        }
        return last;
    }
}
