package de.govtech.learning.members;

import java.util.UUID;

/**
 * Fired (CDI, synchronously, inside the inbox transaction of the membership event) when a member's status changes, so
 * enrolments follow in the same transaction.
 *
 * @param previous the status before, null for a municipality that was not a member
 */
public record MemberStatusChanged(UUID municipalityId, MemberStatus previous, MemberStatus current) {
}
