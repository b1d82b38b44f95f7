package de.govtech.platform.events.membership;

import de.govtech.platform.events.EventPayload;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A municipality's membership ended (Austritt, after notice).
 *
 * @param municipalityId the former member
 * @param leftOn         last day of membership
 * @param reason         free text, {@code null} if none was given
 */
public record MemberLeft(UUID municipalityId, LocalDate leftOn, String reason) implements EventPayload {

    public static final String TYPE = "de.govtech.membership.member-left.v1";

    public MemberLeft {
        Objects.requireNonNull(municipalityId, "municipalityId");
        Objects.requireNonNull(leftOn, "leftOn");
    }

    @Override
    public String aggregateId() {
        return municipalityId.toString();
    }
}
