package de.govtech.learning.enrolments;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Enrolment", description = "A learner's place in a course: its status, waiting-list position, "
        + "attendance and completed lessons",
        examples = """
        {"id": "7d3e5f10-4a2b-4c6d-8e9f-1a2b3c4d5e60", "courseId": "5b6f0b0e-3c0a-4a59-9f0c-2a1c6f1d9e01",
         "workshopSessionId": "0e8f7c7a-6f1e-4c55-9f39-0c1d8d9f4a11", "learnerId": "4f1c2d3e-1111-4aaa-9bbb-123456789abc",
         "learnerName": "Erika Mustermann", "municipalityId": "f4ec1f01-9f1c-3d34-ba99-332841cb7bcd", "status": "ENROLLED",
         "attended": false, "completedLessons": ["9a1d4a7e-2c1b-4f5e-8d3a-1b2c3d4e5f60"], "createdAt": "2026-02-20T10:15:00Z"}""")
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
