package de.govtech.membership.founding;

import de.govtech.membership.municipalities.OfficialKeys;
import de.govtech.platform.events.membership.MunicipalityType;

import java.time.LocalDate;
import java.util.UUID;

/** One founding member (Gründungsmitglied) as the sourced data gives it; {@code ars} {@code population} and its date may be null. */
public record FoundingMember(String name, MunicipalityType type, String land, String officialKey, String ars,
                             Integer population, LocalDate populationDate) {

    /** The association was founded, and its founding members joined, on 12 December 2025. */
    public static final LocalDate FOUNDED_ON = LocalDate.of(2025, 12, 12);

    public UUID municipalityId() {
        return OfficialKeys.municipalityId(officialKey);
    }
}
