package de.govtech.platform.events.solutions;

import de.govtech.platform.events.EventPayload;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A municipality agreed to reuse (nachnutzen) a released solution: a reuse agreement (Nachnutzungsvereinbarung)
 * was concluded. Aggregate: the reuse agreement.
 *
 * @param municipalityId               the municipality that asked to reuse the solution
 * @param participatingMunicipalityIds every municipality party to the agreement, {@code null} in events written
 *                                     before the field existed
 */
public record ReuseAgreed(
        UUID agreementId,
        UUID solutionId,
        UUID municipalityId,
        Instant agreedAt,
        List<UUID> participatingMunicipalityIds) implements EventPayload {

    public static final String TYPE = "de.govtech.solutions.reuse-agreed.v1";

    public ReuseAgreed {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(solutionId, "solutionId");
        Objects.requireNonNull(municipalityId, "municipalityId");
        Objects.requireNonNull(agreedAt, "agreedAt");
        participatingMunicipalityIds = participatingMunicipalityIds == null ? null : List.copyOf(participatingMunicipalityIds);
    }

    @Override
    public String aggregateId() {
        return agreementId.toString();
    }
}
