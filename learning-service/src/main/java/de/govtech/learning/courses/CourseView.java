package de.govtech.learning.courses;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A course as its authors see it: everything, quiz answers included. */
@Schema(name = "Course")
public record CourseView(
        @Schema(examples = "5b6f0b0e-3c0a-4a59-9f0c-2a1c6f1d9e01") UUID id,
        @Schema(examples = "ki-grundlagen-verwaltung") String slug,
        @Schema(examples = "KI-Grundlagen für die Verwaltung") String title,
        String summary,
        String description,
        @Schema(examples = "KI") String topic,
        CourseLevel level,
        CourseFormat format,
        @Schema(examples = "4.5") BigDecimal expectedHours,
        @Schema(examples = "de") String language,
        @Schema(examples = "DRAFT") CourseStatus status,
        List<CourseModule> modules,
        CompletionCriteria completion,
        List<UUID> linkedAppIds,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        Instant archivedAt) {

    static CourseView of(Course course) {
        return new CourseView(course.id, course.slug, course.title, course.summary, course.description, course.topic,
                course.level, course.format, course.expectedHours, course.language, course.status, course.modules(),
                course.completionCriteria(), course.linkedAppIds.stream().sorted().toList(), course.createdAt,
                course.updatedAt, course.publishedAt, course.archivedAt);
    }
}
