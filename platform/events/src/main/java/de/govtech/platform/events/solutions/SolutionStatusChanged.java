package de.govtech.platform.events.solutions;

import de.govtech.platform.events.EventPayload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A solution moved in its lifecycle (PROPOSED, SHORTLISTED, IN_PILOT, AVAILABLE_FOR_REUSE, RETIRED, DECLINED). Aggregate: the solution. */
public record SolutionStatusChanged(
        UUID solutionId,
        String fromStatus,
        String toStatus,
        String reason,
        String changedBy,
        Instant changedAt) implements EventPayload {

    public static final String TYPE = "de.govtech.solutions.solution-status-changed.v1";

    public SolutionStatusChanged {
        Objects.requireNonNull(solutionId, "solutionId");
        Objects.requireNonNull(fromStatus, "fromStatus");
        Objects.requireNonNull(toStatus, "toStatus");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    @Override
    public String aggregateId() {
        return solutionId.toString();
    }
}
