package de.govtech.platform.events.solutions;

import de.govtech.platform.events.EventPayload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A municipal solution was proposed to the association. Aggregate: the solution. */
public record SolutionProposed(
        UUID solutionId,
        String title,
        String category,
        UUID proposingMunicipalityId,
        Instant proposedAt) implements EventPayload {

    public static final String TYPE = "de.govtech.solutions.solution-proposed.v1";

    public SolutionProposed {
        Objects.requireNonNull(solutionId, "solutionId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(proposedAt, "proposedAt");
    }

    @Override
    public String aggregateId() {
        return solutionId.toString();
    }
}
