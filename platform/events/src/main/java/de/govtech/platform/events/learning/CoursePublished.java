package de.govtech.platform.events.learning;

import de.govtech.platform.events.EventPayload;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A course of the learning programme was published in the catalogue. Aggregate: the course. */
public record CoursePublished(
        UUID courseId,
        String slug,
        String title,
        String topic,
        String level,
        String format,
        List<UUID> linkedAppIds,
        Instant publishedAt) implements EventPayload {

    public static final String TYPE = "de.govtech.learning.course-published.v1";

    public CoursePublished {
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(linkedAppIds, "linkedAppIds");
        Objects.requireNonNull(publishedAt, "publishedAt");
        linkedAppIds = List.copyOf(linkedAppIds);
    }

    @Override
    public String aggregateId() {
        return courseId.toString();
    }
}
