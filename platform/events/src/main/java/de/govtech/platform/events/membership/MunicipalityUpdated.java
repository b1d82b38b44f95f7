package de.govtech.platform.events.membership;

import de.govtech.platform.events.EventPayload;

import java.util.Objects;
import java.util.UUID;

/**
 * The master data of a member municipality changed. Carries the full current state (not a diff), so a consumer
 * can replace its projection. Field meanings as in {@link MemberJoined}; {@code ars} and {@code population} are
 * {@code null} where no source gives them.
 */
public record MunicipalityUpdated(
        UUID municipalityId,
        String officialKey,
        String ars,
        String name,
        MunicipalityType municipalityType,
        String land,
        Integer population) implements EventPayload {

    public static final String TYPE = "de.govtech.membership.municipality-updated.v1";

    public MunicipalityUpdated {
        Objects.requireNonNull(municipalityId, "municipalityId");
        Objects.requireNonNull(officialKey, "officialKey");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(municipalityType, "municipalityType");
        Objects.requireNonNull(land, "land");
    }

    @Override
    public String aggregateId() {
        return municipalityId.toString();
    }
}
