package de.govtech.platform.events.membership;

import de.govtech.platform.events.EventPayload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A platform admin rejected a municipality its own admin had registered (e.g. under another municipality's key):
 * it can never be admitted, and its official key is free again for the real municipality.
 */
public record MunicipalityRejected(UUID municipalityId, String officialKey, String name, String reason, Instant rejectedAt)
        implements EventPayload {

    public static final String TYPE = "de.govtech.membership.municipality-rejected.v1";

    public MunicipalityRejected {
        Objects.requireNonNull(municipalityId, "municipalityId");
        Objects.requireNonNull(officialKey, "officialKey");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rejectedAt, "rejectedAt");
    }

    @Override
    public String aggregateId() {
        return municipalityId.toString();
    }
}
