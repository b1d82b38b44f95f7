package de.govtech.deploy.local;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RestartPolicyTest {

    private final RestartPolicy policy = RestartPolicy.DEFAULT;
    private final Duration quick = Duration.ofSeconds(3);

    @Test
    void theBackOffDoublesFromOneSecondUpToThirtySeconds() {
        List<Long> seconds = IntStream.rangeClosed(1, 8).mapToObj(policy::delay).map(Duration::toSeconds).toList();

        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L), seconds);
    }

    @Test
    void eachQuickDeathInARowIsTheNextRestartUntilItIsGivenUp() {
        assertEquals(new RestartPolicy.Restart(1, Duration.ofSeconds(1)), policy.afterDeath(0, quick));
        assertEquals(new RestartPolicy.Restart(4, Duration.ofSeconds(8)), policy.afterDeath(3, quick));
        assertEquals(new RestartPolicy.Restart(8, Duration.ofSeconds(30)), policy.afterDeath(7, quick));
        assertEquals(new RestartPolicy.GiveUp(8), policy.afterDeath(8, quick));
    }

    @Test
    void aChildThatRanLongEnoughStartsTheCountAfresh() {
        assertEquals(new RestartPolicy.Restart(1, Duration.ofSeconds(1)), policy.afterDeath(8, Duration.ofSeconds(60)));
        assertEquals(new RestartPolicy.Restart(1, Duration.ofSeconds(1)), policy.afterDeath(5, Duration.ofMinutes(30)));
    }

    @Test
    void aPolicyWithoutBackOffIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new RestartPolicy(Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(60), 3));
        assertThrows(IllegalArgumentException.class,
                () -> new RestartPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(60), 3));
    }
}
