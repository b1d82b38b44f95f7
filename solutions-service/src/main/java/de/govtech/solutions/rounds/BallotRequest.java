package de.govtech.solutions.rounds;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "Ballot", description = "A member's distribution of its points over the round's candidates; candidates left "
        + "out get 0. Replaces the member's earlier ballot of this round.", examples = """
        {"allocations": [{"solutionId": "0b7c5c1e-6a57-4c39-9a53-0c2f0e7d1a11", "points": 7},
                         {"solutionId": "3e1f9a20-5b44-4f0e-8d2c-7a6b5c4d3e21", "points": 3}]}""")
public record BallotRequest(@NotNull @Size(max = 100) List<@NotNull @Valid Allocation> allocations) {

    @Schema(name = "BallotAllocation", description = "Points for one candidate", examples = """
            {"solutionId": "0b7c5c1e-6a57-4c39-9a53-0c2f0e7d1a11", "points": 7}""")
    public record Allocation(
            @Schema(examples = "0b7c5c1e-6a57-4c39-9a53-0c2f0e7d1a11") @NotNull UUID solutionId,
            @Schema(description = "0 or more", examples = "7") int points) {
    }
}
