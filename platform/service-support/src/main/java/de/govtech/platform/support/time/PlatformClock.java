package de.govtech.platform.support.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The one clock of every service: inject {@link Clock}. It runs in the association's zone, Europe/Berlin, so
 * {@code LocalDate.now(clock)} is today in Germany; instants do not depend on the zone.
 *
 * <p>A default bean: any other {@code Clock} bean of the application replaces it — a test declares its own
 * (e.g. a {@code @Singleton} clock it can pin) and every service bean gets that one.
 */
@Singleton
public class PlatformClock {

    /** Where the association's days begin and end (Stichtage, deadlines, due dates). */
    public static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.system(GERMANY);
    }

    /** Today in Germany by {@code clock}, whatever the clock's own zone. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), GERMANY);
    }

    /** {@code instant} as wall-clock time in Germany with its offset, e.g. 2026-12-01T15:00+01:00; null stays null. */
    public static OffsetDateTime inGermany(Instant instant) {
        return instant == null ? null : instant.atZone(GERMANY).toOffsetDateTime();
    }
}
