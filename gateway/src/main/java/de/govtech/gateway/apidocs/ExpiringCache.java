package de.govtech.gateway.apidocs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One value, loaded asynchronously and reused for a while. Callers that arrive while a load is under way share it
 * (one load, not one per caller); a failed load is not kept, so the next caller tries again.
 */
final class ExpiringCache<T> {

    private record Entry<T>(CompletableFuture<T> value, Instant loadedAt) {
    }

    private final Supplier<CompletableFuture<T>> loader;
    private final Duration ttl;
    private final Clock clock;
    private Entry<T> entry;

    ExpiringCache(Supplier<CompletableFuture<T>> loader, Duration ttl, Clock clock) {
        this.loader = loader;
        this.ttl = ttl;
        this.clock = clock;
    }

    synchronized CompletableFuture<T> get() {
        Instant now = clock.instant();
        if (entry != null && (!entry.value().isDone() || fresh(entry, now))) {
            return entry.value();
        }
        CompletableFuture<T> loading = loader.get();
        Entry<T> current = new Entry<>(loading, now);
        entry = current;
        loading.whenComplete((value, failure) -> settled(current, failure));
        return loading;
    }

    /** The clock starts when the value is there, not when the load began; failures are forgotten. */
    private synchronized void settled(Entry<T> settled, Throwable failure) {
        if (entry != settled) {
            return;
        }
        entry = failure != null ? null : new Entry<>(settled.value(), clock.instant());
    }

    private boolean fresh(Entry<T> candidate, Instant now) {
        return !candidate.value().isCompletedExceptionally() && now.isBefore(candidate.loadedAt().plus(ttl));
    }
}
