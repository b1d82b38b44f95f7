package de.govtech.learning.catalogue;

import de.govtech.learning.courses.Course;
import de.govtech.learning.courses.CourseFormat;
import de.govtech.learning.courses.CourseLevel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Schema(name = "CatalogueCourse", description = "A published course in a catalogue list", examples = """
        {"id": "5b6f0b0e-3c0a-4a59-9f0c-2a1c6f1d9e01", "slug": "ki-grundlagen-verwaltung",
         "title": "KI-Grundlagen für die Verwaltung", "summary": "Was KI kann, was nicht, und was in der Verwaltung erlaubt ist",
         "topic": "KI", "level": "EINSTIEG", "format": "BLENDED", "expectedHours": 4.5, "language": "de",
         "publishedAt": "2026-02-01T08:00:00Z"}""")
public record CatalogueCourse(
        @Schema(examples = "5b6f0b0e-3c0a-4a59-9f0c-2a1c6f1d9e01") UUID id,
        @Schema(examples = "ki-grundlagen-verwaltung") String slug,
        @Schema(examples = "KI-Grundlagen für die Verwaltung") String title,
        @Schema(examples = "Was KI kann, was nicht, und was in der Verwaltung erlaubt ist") String summary,
        @Schema(examples = "KI") String topic,
        CourseLevel level,
        CourseFormat format,
        @Schema(examples = "4.5") BigDecimal expectedHours,
        @Schema(examples = "de") String language,
        Instant publishedAt) {

    static CatalogueCourse of(Course course) {
        return new CatalogueCourse(course.id, course.slug, course.title, course.summary, course.topic, course.level,
                course.format, course.expectedHours, course.language, course.publishedAt);
    }
}
