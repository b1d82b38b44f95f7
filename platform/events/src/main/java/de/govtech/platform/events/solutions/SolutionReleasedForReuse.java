package de.govtech.platform.events.solutions;

import de.govtech.platform.events.EventPayload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A solution was released for reuse (Nachnutzung) by other municipalities. Aggregate: the solution.
 *
 * @param licence SPDX licence identifier, e.g. {@code EUPL-1.2}
 */
public record SolutionReleasedForReuse(
        UUID solutionId,
        String name,
        String licence,
        Instant releasedAt) implements EventPayload {

    public static final String TYPE = "de.govtech.solutions.solution-released-for-reuse.v1";

    public SolutionReleasedForReuse {
        Objects.requireNonNull(solutionId, "solutionId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(licence, "licence");
        Objects.requireNonNull(releasedAt, "releasedAt");
    }

    @Override
    public String aggregateId() {
        return solutionId.toString();
    }
}
