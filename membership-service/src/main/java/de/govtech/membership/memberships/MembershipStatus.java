package de.govtech.membership.memberships;

/** States of a membership (Mitgliedschaft). */
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
