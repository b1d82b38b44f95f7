package de.govtech.platform.events.learning;

import de.govtech.platform.events.EventPayload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A waitlisted enrolment got a seat in its workshop session because another one was cancelled. Aggregate: the enrolment. */
public record EnrolmentPromoted(
        UUID enrolmentId,
        UUID courseId,
        UUID workshopSessionId,
        String learnerId,
        UUID municipalityId,
        Instant promotedAt) implements EventPayload {

    public static final String TYPE = "de.govtech.learning.enrolment-promoted.v1";

    public EnrolmentPromoted {
        Objects.requireNonNull(enrolmentId, "enrolmentId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(workshopSessionId, "workshopSessionId");
        Objects.requireNonNull(learnerId, "learnerId");
        Objects.requireNonNull(municipalityId, "municipalityId");
        Objects.requireNonNull(promotedAt, "promotedAt");
    }

    @Override
    public String aggregateId() {
        return enrolmentId.toString();
    }
}
