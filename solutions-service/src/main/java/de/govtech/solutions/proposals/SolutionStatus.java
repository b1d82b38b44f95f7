package de.govtech.solutions.proposals;

/** Where a solution stands, from proposal to retirement. */
public enum SolutionStatus {
    PROPOSED,
    SHORTLISTED,
    IN_PILOT,
    /** Released for reuse (Nachnutzung) by other municipalities. */
    AVAILABLE_FOR_REUSE,
    RETIRED,
    DECLINED
}
