package de.govtech.platform.events.solutions;

import de.govtech.platform.events.EventPayload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A solution is no longer offered for reuse. Aggregate: the solution. */
public record SolutionRetired(
        UUID solutionId,
        String reason,
        Instant retiredAt) implements EventPayload {

    public static final String TYPE = "de.govtech.solutions.solution-retired.v1";

    public SolutionRetired {
        Objects.requireNonNull(solutionId, "solutionId");
        Objects.requireNonNull(retiredAt, "retiredAt");
    }

    @Override
    public String aggregateId() {
        return solutionId.toString();
    }
}
