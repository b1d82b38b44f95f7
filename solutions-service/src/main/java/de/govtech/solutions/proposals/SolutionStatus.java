package de.govtech.solutions.proposals;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a solution stands, from proposal to retirement. */
@Schema(name = "SolutionStatus",
        description = "PROPOSED, SHORTLISTED, IN_PILOT, AVAILABLE_FOR_REUSE (released for reuse, Nachnutzung), RETIRED, DECLINED")
public enum SolutionStatus {
    PROPOSED,
    SHORTLISTED,
    IN_PILOT,
    /** Released for reuse (Nachnutzung) by other municipalities. */
    AVAILABLE_FOR_REUSE,
    RETIRED,
    DECLINED
}
