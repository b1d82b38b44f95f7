package de.govtech.solutions.rounds;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "SelectionRoundRequest", description = "Opens a pilot selection round: candidates (PROPOSED or SHORTLISTED "
        + "solutions), the voting window as instants and the points each member distributes", examples = """
        {"title": "Pilotauswahl 2027", "candidateSolutionIds": ["0b7c5c1e-6a57-4c39-9a53-0c2f0e7d1a11",
         "3e1f9a20-5b44-4f0e-8d2c-7a6b5c4d3e21"], "pointsPerMember": 10,
         "votingOpensAt": "2027-01-11T08:00:00Z", "votingClosesAt": "2027-01-29T16:00:00Z"}""")
public record RoundRequest(
        @Schema(examples = "Pilotauswahl 2027") @NotBlank @Size(max = 200) String title,
        @NotEmpty @Size(max = 50) List<@NotNull UUID> candidateSolutionIds,
        @Schema(description = "1–1000", examples = "10") @NotNull @Min(1) @Max(1000) Integer pointsPerMember,
        @Schema(examples = "2027-01-11T08:00:00Z") @NotNull Instant votingOpensAt,
        @Schema(description = "after votingOpensAt and in the future", examples = "2027-01-29T16:00:00Z") @NotNull Instant votingClosesAt) {
}
