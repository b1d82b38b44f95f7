package de.govtech.platform.events.solutions;

import de.govtech.platform.events.EventPayload;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A pilot selection round was closed; the ranking and turnout are final. Aggregate: the round. */
public record SelectionRoundClosed(
        UUID roundId,
        List<RankedCandidate> ranking,
        int membersVoted,
        int membersEligible,
        Instant closedAt) implements EventPayload {

    public static final String TYPE = "de.govtech.solutions.selection-round-closed.v1";

    public SelectionRoundClosed {
        Objects.requireNonNull(roundId, "roundId");
        Objects.requireNonNull(ranking, "ranking");
        Objects.requireNonNull(closedAt, "closedAt");
        ranking = List.copyOf(ranking);
    }

    @Override
    public String aggregateId() {
        return roundId.toString();
    }

    /** One candidate's place in the ranking. */
    public record RankedCandidate(int rank, UUID solutionId, int points) {
        public RankedCandidate {
            Objects.requireNonNull(solutionId, "solutionId");
        }
    }
}
