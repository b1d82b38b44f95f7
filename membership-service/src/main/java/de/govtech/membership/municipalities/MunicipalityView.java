package de.govtech.membership.municipalities;

import de.govtech.platform.events.membership.MunicipalityType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A municipality as the API shows it. */
@Schema(description = "A municipality")
public record MunicipalityView(
        @Schema(examples = "f4ec1f01-9f1c-3d34-ba99-332841cb7bcd") UUID id,
        @Schema(examples = "Stadt Heilbronn") String name,
        MunicipalityType type,
        @Schema(examples = "08") String land,
        @Schema(description = "null where no source gives a figure", examples = "130093") Integer population,
        @Schema(examples = "08121000") String officialKey,
        @Schema(description = "null where no source gives it", examples = "081210000000") String ars,
        List<ContactView> contacts,
        Instant createdAt,
        Instant updatedAt) {

    public record ContactView(String name, String function, String email) {
    }

    static MunicipalityView of(Municipality m) {
        return new MunicipalityView(m.id, m.name, m.type, m.land, m.population, m.officialKey, m.ars,
                m.contacts.stream().map(c -> new ContactView(c.name, c.function, c.email)).toList(),
                m.createdAt, m.updatedAt);
    }
}
