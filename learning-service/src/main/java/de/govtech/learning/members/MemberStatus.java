package de.govtech.learning.members;

/** Membership status as learning knows it from membership events. Only staff of ACTIVE members learn. */
public enum MemberStatus {
    ACTIVE,
    /** Ruhen der Mitgliedschaft: existing enrolments stay, new ones are refused. */
    SUSPENDED,
    /** Austritt: open enrolments are cancelled. */
    LEFT
}
