package de.govtech.deploy.local;

import java.time.Duration;

/**
 * When a child that died is started again: after a capped exponential back-off (1 s, 2 s, 4 s … 30 s by default),
 * counted over the deaths in a row. A child that ran at least {@code stableAfter} before it died starts the count
 * afresh; one that died {@code maxRestarts} times in a row after being restarted is given up on and reported.
 */
record RestartPolicy(Duration firstDelay, Duration maxDelay, Duration stableAfter, int maxRestarts) {

    static final RestartPolicy DEFAULT =
            new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60), 8);

    sealed interface Decision {
    }

    /** Restart number {@code inARow} of the current series, after {@code delay}. */
    record Restart(int inARow, Duration delay) implements Decision {
    }

    record GiveUp(int restartsInARow) implements Decision {
    }

    RestartPolicy {
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0 || maxRestarts < 1) {
            throw new IllegalArgumentException("bad restart policy");
        }
    }

    /** The back-off before restart number {@code inARow} (1 = the first after a death). */
    Duration delay(int inARow) {
        Duration delay = firstDelay;
        for (int i = 1; i < inARow && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** {@code restartsSoFar}: restarts in the current series; {@code uptime}: how long the child ran before dying. */
    Decision afterDeath(int restartsSoFar, Duration uptime) {
        int inARow = uptime.compareTo(stableAfter) >= 0 ? 0 : restartsSoFar;
        if (inARow >= maxRestarts) {
            return new GiveUp(inARow);
        }
        return new Restart(inARow + 1, delay(inARow + 1));
    }
}
