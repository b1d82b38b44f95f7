package de.govtech.solutions.proposals;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** Request bodies of the solution operations. */
public final class SolutionRequests {

    private SolutionRequests() {
    }

    @Schema(name = "SolutionProposal", description = "A member's proposal for a municipal solution", examples = """
            {"title": "Digitale Terminvergabe Bürgerbüro", "problem": "Lange Wartezeiten und Telefonschleifen im Bürgerbüro.",
             "intendedOutcome": "Bürgerinnen und Bürger buchen Termine online; das Bürgerbüro plant Personal nach Bedarf.",
             "category": "Bürgerservice", "ozgReference": "OZG-Leistung Meldewesen",
             "leikaKeys": ["99115003001000"], "proposingMunicipalityId": "6b2c0000-0000-4000-8000-00000000000a"}""")
    public record Proposal(
            @Schema(examples = "Digitale Terminvergabe Bürgerbüro") @NotBlank @Size(max = 200) String title,
            @Schema(description = "The problem the municipality has") @NotBlank @Size(max = 5000) String problem,
            @Schema(description = "What the solution should achieve") @NotBlank @Size(max = 5000) String intendedOutcome,
            @Schema(description = "One of GET /categories", examples = "Bürgerservice") @NotBlank @Size(max = 100) String category,
            @Schema(description = "Optional reference to an OZG service (Onlinezugangsgesetz)") @Size(max = 200) String ozgReference,
            @Schema(description = "LeiKa service keys (Leistungsschlüssel), 14 digits each, stored as given",
                    examples = "[\"99115003001000\"]")
            @Size(max = 50) List<@Pattern(regexp = "^\\d{14}$", message = "must be a LeiKa key of 14 digits") String> leikaKeys,
            @Schema(description = "The proposing member municipality: a municipality admin's own (may be omitted); "
                    + "a platform admin names it, or omits it for a proposal of the association itself")
            UUID proposingMunicipalityId) {
    }

    @Schema(name = "SolutionStatusChange", description = "Why the status changes (required)", examples = """
            {"reason": "Von den Mitgliedern in der Auswahlrunde 2026 auf Platz 1 gewählt"}""")
    public record Reason(
            @Schema(examples = "Von den Mitgliedern in der Auswahlrunde 2026 auf Platz 1 gewählt") @NotBlank @Size(max = 1000) String reason) {
    }

    @Schema(name = "SolutionRelease", description = "Release for reuse (Nachnutzung). The licence comes from the imported "
            + "publiccode.yml; without one it must be given here.", examples = """
            {"reason": "Pilot in Heilbronn erfolgreich abgeschlossen", "licence": "EUPL-1.2"}""")
    public record Release(
            @Schema(examples = "Pilot in Heilbronn erfolgreich abgeschlossen") @NotBlank @Size(max = 1000) String reason,
            @Schema(description = "SPDX licence identifier", examples = "EUPL-1.2")
            @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9.+\\-]+( (AND|OR|WITH) [A-Za-z0-9.+\\-]+)*$",
                    message = "must be an SPDX licence expression such as EUPL-1.2") String licence) {
    }
}
