package de.govtech.solutions.shared;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The service's one clock: now, and an instant as local time in Germany. Replaceable in tests (QuarkusMock). */
@ApplicationScoped
public class SolutionsClock {

    public static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");

    private final Clock clock;

    public SolutionsClock() {
        this(Clock.systemUTC());
    }

    public SolutionsClock(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** {@code instant} as wall-clock time in Europe/Berlin with its offset, e.g. 2026-12-01T15:00+01:00. */
    public static OffsetDateTime inGermany(Instant instant) {
        return instant == null ? null : instant.atZone(GERMANY).toOffsetDateTime();
    }
}
