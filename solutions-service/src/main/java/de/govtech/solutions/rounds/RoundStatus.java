package de.govtech.solutions.rounds;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OPEN: ballots are accepted within the voting window. CLOSED: the ranking is fixed and published. */
@Schema(name = "SelectionRoundStatus")
public enum RoundStatus {
    OPEN,
    CLOSED
}
