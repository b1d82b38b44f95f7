package de.govtech.platform.events.learning;

import de.govtech.platform.events.EventPayload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A learner completed a course of the learning programme. Aggregate: the enrolment.
 *
 * @param learnerId      the learner's token subject ({@code sub} claim), not necessarily a UUID
 * @param municipalityId the municipality the learner works for
 */
public record CourseCompleted(
        UUID enrolmentId,
        UUID courseId,
        String learnerId,
        UUID municipalityId,
        Instant completedAt) implements EventPayload {

    public static final String TYPE = "de.govtech.learning.course-completed.v1";

    public CourseCompleted {
        Objects.requireNonNull(enrolmentId, "enrolmentId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(learnerId, "learnerId");
        Objects.requireNonNull(municipalityId, "municipalityId");
        Objects.requireNonNull(completedAt, "completedAt");
    }

    @Override
    public String aggregateId() {
        return enrolmentId.toString();
    }
}
