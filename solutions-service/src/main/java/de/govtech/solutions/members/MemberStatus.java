package de.govtech.solutions.members;

/** Membership status as this service knows it from membership events. Only ACTIVE members propose and vote. */
public enum MemberStatus {
    ACTIVE,
    /** Ruhen der Mitgliedschaft. */
    SUSPENDED,
    /** Austritt. */
    LEFT
}
