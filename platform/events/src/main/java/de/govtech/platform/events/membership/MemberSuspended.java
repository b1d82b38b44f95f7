package de.govtech.platform.events.membership;

import de.govtech.platform.events.EventPayload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A membership was suspended (Ruhen der Mitgliedschaft, e.g. for unpaid fees); the municipality stays a member but
 * may not use member services until reinstated.
 */
public record MemberSuspended(UUID municipalityId, Instant suspendedAt, String reason) implements EventPayload {

    public static final String TYPE = "de.govtech.membership.member-suspended.v1";

    public MemberSuspended {
        Objects.requireNonNull(municipalityId, "municipalityId");
        Objects.requireNonNull(suspendedAt, "suspendedAt");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String aggregateId() {
        return municipalityId.toString();
    }
}
