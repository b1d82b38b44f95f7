package de.govtech.solutions.pilots;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the pilot operations. */
public final class PilotRequests {

    private PilotRequests() {
    }

    @Schema(name = "PilotPlan", description = "The pilot's plan: start and milestones (in order)", examples = """
            {"startDate": "2027-03-01", "milestones": [{"title": "Prototyp im Bürgerbüro", "dueDate": "2027-06-30"},
                                                        {"title": "Produktivbetrieb", "dueDate": "2027-12-15"}]}""")
    public record Plan(
            @Schema(examples = "2027-03-01") @NotNull LocalDate startDate,
            @Size(max = 50) List<@NotNull @Valid Milestone> milestones) {
    }

    @Schema(name = "PilotMilestone", description = "A milestone of the plan", examples = """
            {"title": "Prototyp im Bürgerbüro", "dueDate": "2027-06-30"}""")
    public record Milestone(
            @Schema(examples = "Prototyp im Bürgerbüro") @NotBlank @Size(max = 300) String title,
            @Schema(examples = "2027-06-30") @NotNull LocalDate dueDate) {
    }

    @Schema(name = "TechPartnerRequest", description = "A company taking part in the pilot", examples = """
            {"name": "Beispiel Software GmbH", "role": "DEVELOPER"}""")
    public record Partner(
            @Schema(examples = "Beispiel Software GmbH") @NotBlank @Size(max = 300) String name,
            @Schema(description = "DEVELOPER, OPERATOR or CONSULTANT") @NotNull PartnerRole role) {
    }

    @Schema(name = "PilotMunicipalityRequest", description = "The role of a member municipality in the pilot", examples = """
            {"role": "LEAD"}""")
    public record Municipality(@Schema(description = "LEAD (one per pilot) or PARTICIPANT") @NotNull MunicipalityRole role) {
    }

    @Schema(name = "PilotStatusNote", description = "A status note on the pilot", examples = """
            {"text": "Prototyp läuft im Bürgerbüro Heilbronn; Rückmeldungen werden eingearbeitet."}""")
    public record Note(@Schema(examples = "Prototyp läuft") @NotBlank @Size(max = 4000) String text) {
    }
}
