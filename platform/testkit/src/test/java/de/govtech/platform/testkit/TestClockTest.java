package de.govtech.platform.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test clock without Quarkus: the system time until pinned, in Germany, and running again once released. */
class TestClockTest {

    @AfterEach
    void release() {
        new TestClock.Release().afterEach(null);
    }

    @Test
    void runsWithTheSystemTimeInGermanyUntilPinned() {
        TestClock clock = new TestClock();
        assertEquals(TestClock.GERMANY, clock.getZone());
        assertTrue(Duration.between(clock.instant(), Instant.now()).abs().toSeconds() < 5);
    }

    @Test
    void todayPinsTenInTheMorningInGermanyForEveryInstanceAndZone() {
        TestClock.today("2026-01-15");
        assertEquals(Instant.parse("2026-01-15T09:00:00Z"), new TestClock().instant());
        assertEquals(Instant.parse("2026-01-15T09:00:00Z"), new TestClock().withZone(ZoneOffset.UTC).instant());
        assertEquals(ZoneOffset.UTC, new TestClock().withZone(ZoneOffset.UTC).getZone());
    }

    @Test
    void theCallbackAfterEachTestReleasesThePin() {
        TestClock.at(Instant.parse("2020-01-01T00:00:00Z"));
        new TestClock.Release().afterEach(null);
        assertTrue(new TestClock().instant().isAfter(Instant.parse("2025-01-01T00:00:00Z")));
    }
}
