package de.govtech.membership.memberships;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "Membership", description = "A municipality's membership", examples = """
        {"id": "0d6f5a0e-3b7c-3f43-a4c1-1e5f6c2b9d10", "municipalityId": "f4ec1f01-9f1c-3d34-ba99-332841cb7bcd",
         "status": "NOTICE_GIVEN", "founding": false, "statutesVersion": "2025-12-12", "appliedAt": "2026-01-05T08:30:00Z",
         "joinedOn": "2026-01-20", "noticeGivenOn": "2026-02-10", "leavesOn": "2026-09-30"}""")
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
