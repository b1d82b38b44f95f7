package de.govtech.marketplace.catalogue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.function.ToLongFunction;

/** The caches the catalogue keeps in memory: bounded by an estimate of their values' size, evicted by frequency. */
final class KeptInMemory {

    private KeptInMemory() {
    }

    /** A cache whose values' estimated {@code bytes} stay within {@code maxBytes} (0: keeps none). */
    static <K, V> Cache<K, V> boundedBy(long maxBytes, ToLongFunction<V> bytes) {
        // eviction runs on the caller (a map operation), not on a pool of its own
        return Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((K key, V value) -> (int) Math.min(Integer.MAX_VALUE, bytes.applyAsLong(value)))
                .executor(Runnable::run).build();
    }
}
