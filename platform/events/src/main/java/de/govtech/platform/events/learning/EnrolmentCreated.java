package de.govtech.platform.events.learning;

import de.govtech.platform.events.EventPayload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A learner was enrolled in a course, with a seat or on the waitlist of a workshop session. Aggregate: the enrolment. */
public record EnrolmentCreated(
        UUID enrolmentId,
        UUID courseId,
        UUID workshopSessionId,
        String learnerId,
        UUID municipalityId,
        String status,
        Integer waitlistPosition,
        Instant createdAt) implements EventPayload {

    public static final String TYPE = "de.govtech.learning.enrolment-created.v1";

    public EnrolmentCreated {
        Objects.requireNonNull(enrolmentId, "enrolmentId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(learnerId, "learnerId");
        Objects.requireNonNull(municipalityId, "municipalityId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String aggregateId() {
        return enrolmentId.toString();
    }
}
