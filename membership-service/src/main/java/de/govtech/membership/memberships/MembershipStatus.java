package de.govtech.membership.memberships;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** States of a membership (Mitgliedschaft). */
@Schema(name = "MembershipStatus", description = "APPLIED, REJECTED (final), ACTIVE, SUSPENDED (Ruhen), NOTICE_GIVEN "
        + "(Kündigung, ends at leavesOn), ENDED (final)")
public enum MembershipStatus {
    /** Applied (Aufnahmeantrag), waiting for the platform admins' decision. */
    APPLIED,
    /** Application rejected; final. */
    REJECTED,
    /** Member. */
    ACTIVE,
    /** Member, temporarily without member services (Ruhen, e.g. unpaid fees). */
    SUSPENDED,
    /** Member who gave notice (Kündigung); ends at {@code leavesOn}. */
    NOTICE_GIVEN,
    /** Former member; final. */
    ENDED
}
