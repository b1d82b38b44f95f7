package de.govtech.membership.memberships;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "Membership", description = "A municipality's membership")
public record MembershipView(
        UUID id,
        UUID municipalityId,
        @Schema(examples = "ACTIVE") MembershipStatus status,
        @Schema(description = "one of the founding members (Gründungsmitglieder)") boolean founding,
        @Schema(examples = "2025-12-12") String statutesVersion,
        Instant appliedAt,
        @Schema(description = "first day of membership", examples = "2025-12-12") LocalDate joinedOn,
        LocalDate noticeGivenOn,
        @Schema(description = "last day of membership after notice (end of the quarter in which the notice period expires)")
        LocalDate leavesOn,
        LocalDate endedOn) {

    static MembershipView of(Membership m) {
        return new MembershipView(m.id, m.municipalityId, m.status, m.founding, m.statutesVersion, m.appliedAt,
                m.joinedOn, m.noticeGivenOn, m.leavesOn, m.endedOn);
    }
}
