package de.govtech.platform.events.solutions;

import de.govtech.platform.events.EventPayload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A solution was released for reuse (Nachnutzung) by other municipalities. Aggregate: the solution. The
 * marketplace lists it in its public catalogue as an offering of the association.
 *
 * @param licence           SPDX licence identifier, e.g. {@code EUPL-1.2}
 * @param shortDescription  one-line description (publiccode.yml {@code shortDescription}), {@code null} if none
 * @param category          category of the solution, e.g. {@code Bürgerservice}, {@code null} if none
 * @param repositoryUrl     the source repository (publiccode.yml {@code url}), {@code null} if none
 * @param developmentStatus publiccode.yml {@code developmentStatus}, {@code null} if none
 * @param reuseRequestPath  API path where a member asks to reuse the solution, {@code null} if none
 */
public record SolutionReleasedForReuse(
        UUID solutionId,
        String name,
        String licence,
        Instant releasedAt,
        String shortDescription,
        String category,
        String repositoryUrl,
        String developmentStatus,
        String reuseRequestPath) implements EventPayload {

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
