package de.govtech.marketplace.members;

/** Membership status as the marketplace knows it from membership events. Only ACTIVE members may provision. */
public enum MemberStatus {
    ACTIVE,
    /** Ruhen der Mitgliedschaft: still a member, but may not use member services. */
    SUSPENDED,
    /** Austritt: no longer a member. */
    LEFT
}
