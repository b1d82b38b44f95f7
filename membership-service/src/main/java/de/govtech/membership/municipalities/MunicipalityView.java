package de.govtech.membership.municipalities;

import de.govtech.platform.events.membership.MunicipalityType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A municipality as the API shows it. */
@Schema(name = "Municipality", description = "A municipality", examples = """
        {"id": "f4ec1f01-9f1c-3d34-ba99-332841cb7bcd", "name": "Stadt Heilbronn", "type": "KREISFREIE_STADT", "land": "08",
         "population": 130093, "officialKey": "08121000", "ars": "081210000000", "verification": "VERIFIED",
         "contacts": [{"name": "Erika Mustermann", "function": "IT-Leitung", "email": "it@heilbronn.example"}],
         "createdAt": "2025-12-12T09:00:00Z", "updatedAt": "2026-03-01T10:15:00Z"}""")
public record MunicipalityView(
        @Schema(examples = "f4ec1f01-9f1c-3d34-ba99-332841cb7bcd") UUID id,
        @Schema(examples = "Stadt Heilbronn") String name,
        MunicipalityType type,
        @Schema(examples = "08") String land,
        @Schema(description = "absent where no source gives a figure", examples = "130093") Integer population,
        @Schema(examples = "08121000") String officialKey,
        @Schema(description = "absent where no source gives it", examples = "081210000000") String ars,
        @Schema(description = "UNVERIFIED (registered by its own admin, not yet checked by the association), VERIFIED or "
                + "REJECTED (its official key is free again); only a VERIFIED municipality can be admitted", examples = "VERIFIED")
        Verification verification,
        @Schema(description = "why a platform admin rejected it; absent unless REJECTED",
                examples = "Der Schlüssel gehört der Stadt Heilbronn, nicht dem anmeldenden Konto") String rejectionReason,
        List<ContactView> contacts,
        Instant createdAt,
        Instant updatedAt) {

    @Schema(name = "MunicipalityContact", description = "A contact person of the municipality", examples = """
            {"name": "Erika Mustermann", "function": "IT-Leitung", "email": "it@heilbronn.example"}""")
    public record ContactView(String name, String function, String email) {
    }

    static MunicipalityView of(Municipality m) {
        return new MunicipalityView(m.id, m.name, m.type, m.land, m.population, m.officialKey, m.ars,
                m.verification, m.rejectionReason, m.contacts.stream().map(c -> new ContactView(c.name, c.function, c.email)).toList(),
                m.createdAt, m.updatedAt);
    }
}
