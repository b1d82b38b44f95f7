package de.govtech.membership.memberships;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Today's date in Germany and the current instant; replaceable in tests (QuarkusMock). */
@ApplicationScoped
public class MembershipClock {

    private static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");

    private final Clock clock;

    public MembershipClock() {
        this(Clock.systemUTC());
    }

    public MembershipClock(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(GERMANY));
    }

    public Instant now() {
        return clock.instant();
    }
}
