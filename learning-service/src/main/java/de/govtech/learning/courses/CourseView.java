package de.govtech.learning.courses;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Course", description = "A course as its authors see it: everything, quiz answers included",
        examples = """
        {"id": "5b6f0b0e-3c0a-4a59-9f0c-2a1c6f1d9e01", "slug": "ki-grundlagen-verwaltung",
         "title": "KI-Grundlagen für die Verwaltung", "summary": "Was KI kann, was nicht, und was in der Verwaltung erlaubt ist",
         "description": "Der Kurs führt in Sprachmodelle ein und zeigt, welche Daten in KI-Werkzeuge dürfen.",
         "topic": "KI", "level": "EINSTIEG", "format": "BLENDED", "expectedHours": 4.5, "language": "de", "status": "PUBLISHED",
         "modules": [{"id": "3f0c1e52-8a43-4c56-9d0e-5c1b7b2a9e10", "title": "Grundlagen", "lessons": [
           {"id": "9a1d4a7e-2c1b-4f5e-8d3a-1b2c3d4e5f60", "title": "Was ist ein Sprachmodell?", "kind": "TEXT",
            "text": "Ein Sprachmodell sagt das nächste Wort voraus …", "required": true},
           {"id": "9a1d4a7e-2c1b-4f5e-8d3a-1b2c3d4e5f61", "title": "Datenschutz-Check", "kind": "QUIZ", "required": true,
            "quiz": {"passMark": 80, "questions": [{"id": "2b1f7c1e-5d4a-4e0b-9c3d-8a7b6c5d4e3f",
             "text": "Welche Daten dürfen in ein öffentliches KI-Werkzeug?", "type": "SINGLE_CHOICE",
             "options": [{"id": "6c2e8a10-1b3d-4f5a-9c7e-0d1f2a3b4c51", "text": "Nur öffentlich zugängliche Informationen",
                          "correct": true},
                         {"id": "6c2e8a10-1b3d-4f5a-9c7e-0d1f2a3b4c52", "text": "Auszüge aus dem Melderegister", "correct": false}]}]}}]}],
         "completion": {"aggregation": "ALL",
           "criteria": [{"type": "QUIZ_PASSED", "quizLessonId": "9a1d4a7e-2c1b-4f5e-8d3a-1b2c3d4e5f61"}, {"type": "WORKSHOP_ATTENDED"}]},
         "linkedAppIds": [], "createdAt": "2026-01-15T09:00:00Z", "updatedAt": "2026-01-30T14:20:00Z",
         "publishedAt": "2026-02-01T08:00:00Z"}""")
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
