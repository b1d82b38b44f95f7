package de.govtech.membership.municipalities;

import de.govtech.platform.events.membership.MunicipalityType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** Master data of a municipality, for creating and for replacing it. */
@Schema(name = "MunicipalityRequest", description = "Master data of a municipality", examples = """
        {"name": "Stadt Heilbronn", "type": "KREISFREIE_STADT", "land": "08", "population": 130093, "populationAsOf": "2023-12-31",
         "officialKey": "08121000", "ars": "081210000000",
         "contacts": [{"name": "Erika Mustermann", "function": "IT-Leitung", "email": "it@heilbronn.example"}]}""")
public record MunicipalityRequest(
        @Schema(description = "Official name", examples = "Stadt Heilbronn")
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "Kind of authority: Gemeinde, Stadt, kreisfreie Stadt, Landkreis, Amt / Verbandsgemeinde",
                examples = "KREISFREIE_STADT")
        @NotNull MunicipalityType type,
        @Schema(description = "Two-digit Land code, 01 (Schleswig-Holstein) to 16 (Thüringen); the official key's first two digits",
                examples = "08", pattern = "^(0[1-9]|1[0-6])$")
        @NotNull @Pattern(regexp = "0[1-9]|1[0-6]", message = "must be a Land code from 01 to 16") String land,
        @Schema(description = "Inhabitants; omit where no source gives a figure", examples = "130093", minimum = "0")
        @PositiveOrZero Integer population,
        @Schema(description = "The date the population figure refers to (the statistic's Stichtag, e.g. 2023-12-31 for Destatis' "
                + "figure of that year end); omitted: the day the figure is entered. The yearly assessment uses the figure "
                + "valid at its fee schedule's populationReferenceDate.", examples = "2023-12-31")
        LocalDate populationAsOf,
        @Schema(description = "AGS (8 digits) or ARS (12) for a Gemeinde / Stadt, Kreisschlüssel (5) for a Landkreis, "
                + "Verbandsschlüssel (9) for an Amt / Verbandsgemeinde; unique", examples = "08121000")
        @NotBlank @Size(max = 12) String officialKey,
        @Schema(description = "Amtlicher Regionalschlüssel (12 digits), consistent with the official key; optional",
                examples = "081210000000")
        @Size(max = 12) String ars,
        @Schema(description = "Contact persons (at most 20)")
        @Size(max = 20) List<@Valid @NotNull ContactRequest> contacts) {

    /** A contact person. */
    @Schema(name = "MunicipalityContactRequest", description = "A contact person of the municipality", examples = """
            {"name": "Erika Mustermann", "function": "IT-Leitung", "email": "it@heilbronn.example"}""")
    public record ContactRequest(
            @Schema(examples = "Erika Mustermann") @NotBlank @Size(max = 200) String name,
            @Schema(description = "Function, e.g. IT-Leitung, Bürgermeister", examples = "IT-Leitung") @Size(max = 200) String function,
            @Schema(examples = "it@heilbronn.example") @NotBlank @Email @Size(max = 254) String email) {
    }
}
