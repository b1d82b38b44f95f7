package de.govtech.learning.members;

import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Answers "may staff of this municipality learn here?" from the member projection. */
@ApplicationScoped
public class Members {

    /** 403: the municipality is not an ACTIVE member (never joined, left). */
    public static final ProblemType MEMBERSHIP_REQUIRED = ProblemType.of("membership-required",
            "Only staff of member municipalities take part in the learning programme", 403);
    /** 403: the membership is suspended (Ruhen), so nothing new may be started. */
    public static final ProblemType MEMBERSHIP_SUSPENDED = ProblemType.of("membership-suspended",
            "The municipality's membership is suspended", 403);

    public MemberStatus status(UUID municipalityId) {
        MemberMunicipality member = MemberMunicipality.findById(municipalityId);
        return member == null ? null : member.status;
    }

    /** Throws 403 {@code membership-suspended} or {@code membership-required} unless the member is ACTIVE. */
    public void requireActive(UUID municipalityId) {
        MemberStatus status = status(municipalityId);
        if (status == MemberStatus.ACTIVE) {
            return;
        }
        if (status == MemberStatus.SUSPENDED) {
            throw new DomainProblemException(MEMBERSHIP_SUSPENDED,
                    "The membership of municipality " + municipalityId + " is suspended; no new enrolments");
        }
        throw new DomainProblemException(MEMBERSHIP_REQUIRED,
                "Municipality " + municipalityId + " is not an active member of the association");
    }
}
