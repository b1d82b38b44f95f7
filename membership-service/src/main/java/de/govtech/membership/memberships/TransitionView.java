package de.govtech.membership.memberships;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "MembershipTransition", description = "One entry of a membership's history")
public record TransitionView(
        @Schema(description = "null for the first entry") MembershipStatus from,
        MembershipStatus to,
        @Schema(description = "token subject of who did it", examples = "3f0c…") String actor,
        Instant at,
        String reason) {

    static TransitionView of(MembershipTransition t) {
        return new TransitionView(t.fromStatus, t.toStatus, t.actor, t.occurredAt, t.reason);
    }
}
