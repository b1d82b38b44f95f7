package de.govtech.solutions.rounds;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The composite key of a round's rows about one solution: its candidacy and its line in the published ranking. */
class RoundSolutionKey implements Serializable {

    UUID roundId;
    UUID solutionId;

    @Override
    public boolean equals(Object other) {
        return other instanceof RoundSolutionKey key && Objects.equals(roundId, key.roundId)
                && Objects.equals(solutionId, key.solutionId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(roundId, solutionId);
    }
}
