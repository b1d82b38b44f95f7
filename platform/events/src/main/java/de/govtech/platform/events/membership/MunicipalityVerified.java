package de.govtech.platform.events.membership;

import de.govtech.platform.events.EventPayload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A platform admin verified a municipality its own admin had registered: its official key is confirmed as its own,
 * and it may now be admitted. Sent once per municipality (verifying again changes nothing).
 */
public record MunicipalityVerified(UUID municipalityId, String officialKey, String name, Instant verifiedAt)
        implements EventPayload {

    public static final String TYPE = "de.govtech.membership.municipality-verified.v1";

    public MunicipalityVerified {
        Objects.requireNonNull(municipalityId, "municipalityId");
        Objects.requireNonNull(officialKey, "officialKey");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
    }

    @Override
    public String aggregateId() {
        return municipalityId.toString();
    }
}
