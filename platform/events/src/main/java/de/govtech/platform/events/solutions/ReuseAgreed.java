package de.govtech.platform.events.solutions;

import de.govtech.platform.events.EventPayload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A municipality agreed to reuse (nachnutzen) a released solution. Aggregate: the reuse agreement. */
public record ReuseAgreed(
        UUID agreementId,
        UUID solutionId,
        UUID municipalityId,
        Instant agreedAt) implements EventPayload {

    public static final String TYPE = "de.govtech.solutions.reuse-agreed.v1";

    public ReuseAgreed {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(solutionId, "solutionId");
        Objects.requireNonNull(municipalityId, "municipalityId");
        Objects.requireNonNull(agreedAt, "agreedAt");
    }

    @Override
    public String aggregateId() {
        return agreementId.toString();
    }
}
