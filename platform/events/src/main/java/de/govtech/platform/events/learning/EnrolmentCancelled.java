package de.govtech.platform.events.learning;

import de.govtech.platform.events.EventPayload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An enrolment was cancelled, by the learner, an admin, or because the municipality left. Aggregate: the enrolment. */
public record EnrolmentCancelled(
        UUID enrolmentId,
        UUID courseId,
        UUID workshopSessionId,
        String learnerId,
        UUID municipalityId,
        String reason,
        Instant cancelledAt) implements EventPayload {

    public static final String TYPE = "de.govtech.learning.enrolment-cancelled.v1";

    public EnrolmentCancelled {
        Objects.requireNonNull(enrolmentId, "enrolmentId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(learnerId, "learnerId");
        Objects.requireNonNull(municipalityId, "municipalityId");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
    }

    @Override
    public String aggregateId() {
        return enrolmentId.toString();
    }
}
