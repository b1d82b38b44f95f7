package de.govtech.solutions;

import de.govtech.solutions.shared.SolutionsClock;
import io.quarkus.test.junit.QuarkusMock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Pins the service's clock for the current test. */
public final class TestClock {

    private TestClock() {
    }

    public static void at(Instant instant) {
        QuarkusMock.installMockForType(new SolutionsClock(Clock.fixed(instant, ZoneOffset.UTC)), SolutionsClock.class);
    }
}
