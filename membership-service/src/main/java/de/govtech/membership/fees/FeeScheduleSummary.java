package de.govtech.membership.fees;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

@Schema(name = "FeeScheduleSummary", description = "A fee schedule without its scales", examples = """
        {"validFromYear": 2026, "version": "2026-example-1", "example": true, "description": "BEISPIEL / EXAMPLE: illustrative amounts only",
         "populationReferenceDate": "2024-12-31", "updatedAt": "2026-01-01T00:00:00Z"}""")
public record FeeScheduleSummary(
        @Schema(examples = "2026") int validFromYear,
        @Schema(examples = "2026-example-1") String version,
        @Schema(examples = "true") boolean example,
        @Schema(examples = "BEISPIEL / EXAMPLE: illustrative amounts only") String description,
        @Schema(description = "Stichtag of the population figures", examples = "2024-12-31") LocalDate populationReferenceDate,
        @Schema(examples = "2026-01-01T00:00:00Z") Instant updatedAt) {

    static FeeScheduleSummary of(FeeScheduleRow row) {
        return new FeeScheduleSummary(row.validFromYear, row.versionLabel, row.example, row.description, row.populationReferenceDate, row.updatedAt);
    }
}
