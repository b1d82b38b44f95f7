package de.govtech.learning.enrolments;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Enrolment")
public record EnrolmentView(
        UUID id,
        UUID courseId,
        UUID workshopSessionId,
        @Schema(examples = "4f1c2d3e-1111-4aaa-9bbb-123456789abc") String learnerId,
        @Schema(examples = "Erika Mustermann") String learnerName,
        UUID municipalityId,
        EnrolmentStatus status,
        @Schema(description = "1 = next to get a seat; only while WAITLISTED", examples = "3") Integer waitlistPosition,
        @Schema(examples = "false") boolean attended,
        @Schema(description = "ids of the lessons the learner has completed") List<UUID> completedLessons,
        Instant createdAt,
        Instant promotedAt,
        Instant cancelledAt,
        String cancelReason,
        Instant completedAt) {

    public static EnrolmentView of(Enrolment enrolment, List<UUID> completedLessons) {
        return new EnrolmentView(enrolment.id, enrolment.courseId, enrolment.sessionId, enrolment.learnerId,
                enrolment.learnerName, enrolment.municipalityId, enrolment.status, enrolment.waitlistPosition,
                enrolment.attended, completedLessons, enrolment.createdAt, enrolment.promotedAt, enrolment.cancelledAt,
                enrolment.cancelReason, enrolment.completedAt);
    }
}
