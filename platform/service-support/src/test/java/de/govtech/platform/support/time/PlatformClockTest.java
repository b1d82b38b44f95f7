package de.govtech.platform.support.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlatformClockTest {

    @Inject
    Clock clock;

    @Test
    void theInjectedClockIsTheSystemClockInGermany() {
        assertEquals(PlatformClock.GERMANY, clock.getZone());
        assertTrue(Duration.between(clock.instant(), Instant.now()).abs().compareTo(Duration.ofSeconds(5)) < 0);
    }

    @Test
    void todayIsTheDateInGermanyWhateverTheClocksZone() {
        Clock lateEveningUtc = Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneOffset.UTC);
        assertEquals(LocalDate.parse("2027-01-01"), PlatformClock.today(lateEveningUtc));
        Clock summerEvening = Clock.fixed(Instant.parse("2026-06-30T21:59:59Z"), ZoneOffset.UTC);
        assertEquals(LocalDate.parse("2026-06-30"), PlatformClock.today(summerEvening));
    }

    @Test
    void instantsShowAsGermanWallClockTime() {
        assertEquals(OffsetDateTime.parse("2026-12-01T15:00+01:00"), PlatformClock.inGermany(Instant.parse("2026-12-01T14:00:00Z")));
        assertEquals(OffsetDateTime.parse("2026-07-01T16:00+02:00"), PlatformClock.inGermany(Instant.parse("2026-07-01T14:00:00Z")));
        assertNull(PlatformClock.inGermany(null));
    }
}
