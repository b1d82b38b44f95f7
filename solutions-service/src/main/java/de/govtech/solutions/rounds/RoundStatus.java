package de.govtech.solutions.rounds;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SelectionRoundStatus", description = "OPEN: ballots are accepted within the voting window; CLOSED: "
        + "the ranking is fixed and published")
public enum RoundStatus {
    OPEN,
    CLOSED
}
