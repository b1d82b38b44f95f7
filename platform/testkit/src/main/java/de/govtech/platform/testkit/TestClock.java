package de.govtech.platform.testkit;

import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one clock of every service's {@code @QuarkusTest}s: a {@code Clock} bean that replaces platform-service-support's
 * default clock ({@code PlatformClock}, a {@code @DefaultBean}) in every module with this test kit on its test class
 * path. It is the system clock in Europe/Berlin until a test pins it with {@link #at} or {@link #today}, so a module
 * whose tests never pin it runs exactly as with the default clock. {@link Release}, registered in
 * {@code META-INF/services}, lets it run again after every test, so no test leaves it pinned for the next.
 *
 * <p>The pin is static: the application and the test share one JVM, and {@code @Singleton} beans are made by ArC
 * through the constructor, not the one instance a test could reach without injection.
 */
@Singleton
public class TestClock extends Clock {

    /** The zone of service-support's {@code PlatformClock.GERMANY} (the test kit does not depend on service-support). */
    public static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");

    private static volatile Instant pinned;

    private final ZoneId zone;

    public TestClock() {
        this(GERMANY);
    }

    private TestClock(ZoneId zone) {
        this.zone = zone;
    }

    /** Pins "today" in Germany, 10:00, for the current test. */
    public static void today(String date) {
        at(LocalDate.parse(date).atTime(10, 0).atZone(GERMANY).toInstant());
    }

    /** Pins the clock at {@code instant} for the current test. */
    public static void at(Instant instant) {
        pinned = instant;
    }

    /** Lets the clock run with the system time again (done after every test anyway). */
    public static void release() {
        pinned = null;
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
            release();
        }
    }
}
