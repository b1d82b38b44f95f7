package de.govtech.platform.events.solutions;

import de.govtech.platform.events.EventPayload;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A pilot selection round was opened: members distribute points over the candidates. Aggregate: the round. */
public record SelectionRoundOpened(
        UUID roundId,
        String title,
        List<UUID> candidateSolutionIds,
        int pointsPerMember,
        Instant votingOpensAt,
        Instant votingClosesAt,
        Instant openedAt) implements EventPayload {

    public static final String TYPE = "de.govtech.solutions.selection-round-opened.v1";

    public SelectionRoundOpened {
        Objects.requireNonNull(roundId, "roundId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(candidateSolutionIds, "candidateSolutionIds");
        Objects.requireNonNull(votingOpensAt, "votingOpensAt");
        Objects.requireNonNull(votingClosesAt, "votingClosesAt");
        Objects.requireNonNull(openedAt, "openedAt");
        candidateSolutionIds = List.copyOf(candidateSolutionIds);
    }

    @Override
    public String aggregateId() {
        return roundId.toString();
    }
}
