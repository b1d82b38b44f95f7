package de.govtech.platform.events.membership;

import de.govtech.platform.events.EventPayload;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A municipality became a member of the association (Beitritt).
 *
 * @param municipalityId   the member municipality
 * @param officialKey      Amtlicher Gemeindeschlüssel (8 digits), Kreisschlüssel (5), Verbandsschlüssel (9) or ARS (12)
 * @param ars              Amtlicher Regionalschlüssel (12 digits), {@code null} where no source gives it
 * @param name             official name, e.g. "Stadt Heilbronn"
 * @param municipalityType kind of authority
 * @param land             two-digit Land code "01".."16"
 * @param population       inhabitants, {@code null} where no source gives a figure
 * @param founding         one of the founding members (Gründungsmitglieder)
 * @param joinedOn         first day of membership
 */
public record MemberJoined(
        UUID municipalityId,
        String officialKey,
        String ars,
        String name,
        MunicipalityType municipalityType,
        String land,
        Integer population,
        boolean founding,
        LocalDate joinedOn) implements EventPayload {

    public static final String TYPE = "de.govtech.membership.member-joined.v1";

    public MemberJoined {
        Objects.requireNonNull(municipalityId, "municipalityId");
        Objects.requireNonNull(officialKey, "officialKey");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(municipalityType, "municipalityType");
        Objects.requireNonNull(land, "land");
        Objects.requireNonNull(joinedOn, "joinedOn");
    }

    @Override
    public String aggregateId() {
        return municipalityId.toString();
    }
}
