package de.govtech.membership.memberships;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "MembershipTransition", description = "One entry of a membership's history", examples = """
        {"from": "ACTIVE", "to": "SUSPENDED", "actor": "3f0c2a4e-8d1b-4c57-9a3e-2b6f1d7c9e10", "at": "2026-04-02T09:12:00Z",
         "reason": "Beitrag 2026 trotz Mahnung nicht bezahlt"}""")
public record TransitionView(
        @Schema(description = "absent for the first entry") MembershipStatus from,
        MembershipStatus to,
        @Schema(description = "token subject of who did it", examples = "3f0c…") String actor,
        Instant at,
        String reason) {

    static TransitionView of(MembershipTransition t) {
        return new TransitionView(t.fromStatus, t.toStatus, t.actor, t.occurredAt, t.reason);
    }
}
