package de.govtech.membership;

import de.govtech.membership.memberships.MembershipClock;
import io.quarkus.test.junit.QuarkusMock;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Pins the service's clock for the current test: "today" in Berlin, 10:00. */
public final class TestClock {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private TestClock() {
    }

    public static void today(String date) {
        Clock fixed = Clock.fixed(LocalDate.parse(date).atTime(10, 0).atZone(BERLIN).toInstant(), BERLIN);
        QuarkusMock.installMockForType(new MembershipClock(fixed), MembershipClock.class);
    }
}
