package de.govtech.solutions.rounds;

/** OPEN: ballots are accepted within the voting window. CLOSED: the ranking is fixed and published. */
public enum RoundStatus {
    OPEN,
    CLOSED
}
