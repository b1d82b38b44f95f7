package de.govtech.membership;

import de.govtech.platform.support.time.PlatformClock;
import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The service's clock in tests: it replaces platform-service-support's default clock and runs with the system time
 * until a test pins it; {@link Release} lets it run again after every test.
 */
@Singleton
public class TestClock extends Clock {

    private static volatile Instant pinned;

    private final ZoneId zone;

    public TestClock() {
        this(PlatformClock.GERMANY);
    }

    private TestClock(ZoneId zone) {
        this.zone = zone;
    }

    /** Pins "today" in Germany, 10:00, for the current test. */
    public static void today(String date) {
        at(LocalDate.parse(date).atTime(10, 0).atZone(PlatformClock.GERMANY).toInstant());
    }

    /** Pins the clock at {@code instant} for the current test. */
    public static void at(Instant instant) {
        pinned = instant;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(zone);
    }

    @Override
    public Instant instant() {
        Instant at = pinned;
        return at == null ? Instant.now() : at;
    }

    /** Registered in META-INF/services: no test leaves the clock pinned for the next one. */
    public static class Release implements QuarkusTestAfterEachCallback {

        @Override
        public void afterEach(QuarkusTestMethodContext context) {
            pinned = null;
        }
    }
}
