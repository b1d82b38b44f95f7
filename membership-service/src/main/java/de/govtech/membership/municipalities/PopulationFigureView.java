package de.govtech.membership.municipalities;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

@Schema(name = "PopulationFigure", description = "One population figure of a municipality and the date it refers to; the yearly "
        + "assessment takes the latest figure valid at its fee schedule's populationReferenceDate", examples = """
        {"population": 130093, "validFrom": "2023-12-31", "source": "founding-members.csv",
         "recordedBy": "system:founding-members", "recordedAt": "2025-12-12T00:00:00Z"}""")
public record PopulationFigureView(
        @Schema(examples = "130093") int population,
        @Schema(description = "the date the figure refers to (Stichtag of the statistic)", examples = "2023-12-31") LocalDate validFrom,
        @Schema(description = "registration, master data, change request <id>, founding-members.csv", examples = "founding-members.csv")
        String source,
        @Schema(description = "token subject of who recorded it", examples = "system:founding-members") String recordedBy,
        @Schema(examples = "2025-12-12T00:00:00Z") Instant recordedAt) {

    static PopulationFigureView of(MunicipalityPopulation figure) {
        return new PopulationFigureView(figure.population, figure.validFrom, figure.source, figure.recordedBy, figure.recordedAt);
    }
}
