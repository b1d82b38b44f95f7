package de.govtech.gateway.apidocs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

    private final MutableClock clock = new MutableClock();
    private final List<CompletableFuture<String>> loads = new ArrayList<>();
    private final ExpiringCache<String> cache = new ExpiringCache<>(() -> {
        CompletableFuture<String> load = new CompletableFuture<>();
        loads.add(load);
        return load;
    }, Duration.ofSeconds(30), clock);

    @Test
    void callersDuringALoadShareIt() {
        CompletableFuture<String> first = cache.get();
        clock.advance(Duration.ofMinutes(5)); // a slow load is still one load
        assertSame(first, cache.get());
        assertEquals(1, loads.size());
    }

    @Test
    void aLoadedValueIsReusedUntilItsTimeIsUp() {
        cache.get();
        clock.advance(Duration.ofSeconds(10));
        loads.get(0).complete("v1"); // the time starts when the value is there
        clock.advance(Duration.ofSeconds(29));
        assertEquals("v1", cache.get().join());
        assertEquals(1, loads.size());

        clock.advance(Duration.ofSeconds(1));
        CompletableFuture<String> reload = cache.get();
        assertEquals(2, loads.size());
        loads.get(1).complete("v2");
        assertEquals("v2", reload.join());
    }

    @Test
    void aFailedLoadIsNotKept() {
        CompletableFuture<String> failed = cache.get();
        loads.get(0).completeExceptionally(new IllegalStateException("upstream broke"));
        assertTrue(failed.isCompletedExceptionally());
        CompletableFuture<String> retry = cache.get();
        assertEquals(2, loads.size());
        loads.get(1).complete("ok");
        assertEquals("ok", retry.join());
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-27T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
