package de.govtech.platform.events.membership;

import de.govtech.platform.events.EventPayload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A suspended membership is active again. {@code reason} is {@code null} if none was given. */
public record MemberReinstated(UUID municipalityId, Instant reinstatedAt, String reason) implements EventPayload {

    public static final String TYPE = "de.govtech.membership.member-reinstated.v1";

    public MemberReinstated {
        Objects.requireNonNull(municipalityId, "municipalityId");
        Objects.requireNonNull(reinstatedAt, "reinstatedAt");
    }

    @Override
    public String aggregateId() {
        return municipalityId.toString();
    }
}
