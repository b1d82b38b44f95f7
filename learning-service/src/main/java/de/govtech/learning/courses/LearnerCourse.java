package de.govtech.learning.courses;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "CatalogueCourseDetail", description = "A published course as learners see it: modules and lessons, "
        + "no quiz answers",
        examples = """
        {"id": "5b6f0b0e-3c0a-4a59-9f0c-2a1c6f1d9e01", "slug": "ki-grundlagen-verwaltung",
         "title": "KI-Grundlagen für die Verwaltung", "summary": "Was KI kann, was nicht, und was in der Verwaltung erlaubt ist",
         "description": "Der Kurs führt in Sprachmodelle ein und zeigt, welche Daten in KI-Werkzeuge dürfen.",
         "topic": "KI", "level": "EINSTIEG", "format": "BLENDED", "expectedHours": 4.5, "language": "de",
         "modules": [{"id": "3f0c1e52-8a43-4c56-9d0e-5c1b7b2a9e10", "title": "Grundlagen", "lessons": [
           {"id": "9a1d4a7e-2c1b-4f5e-8d3a-1b2c3d4e5f60", "title": "Was ist ein Sprachmodell?", "kind": "TEXT",
            "text": "Ein Sprachmodell sagt das nächste Wort voraus …", "required": true},
           {"id": "9a1d4a7e-2c1b-4f5e-8d3a-1b2c3d4e5f61", "title": "Datenschutz-Check", "kind": "QUIZ", "required": true,
            "quiz": {"passMark": 80, "questions": [{"id": "2b1f7c1e-5d4a-4e0b-9c3d-8a7b6c5d4e3f",
             "text": "Welche Daten dürfen in ein öffentliches KI-Werkzeug?", "type": "SINGLE_CHOICE",
             "options": [{"id": "6c2e8a10-1b3d-4f5a-9c7e-0d1f2a3b4c51", "text": "Nur öffentlich zugängliche Informationen"},
                         {"id": "6c2e8a10-1b3d-4f5a-9c7e-0d1f2a3b4c52", "text": "Auszüge aus dem Melderegister"}]}]}}]}],
         "completion": {"aggregation": "ALL",
           "criteria": [{"type": "QUIZ_PASSED", "quizLessonId": "9a1d4a7e-2c1b-4f5e-8d3a-1b2c3d4e5f61"}, {"type": "WORKSHOP_ATTENDED"}]},
         "linkedAppIds": [], "publishedAt": "2026-02-01T08:00:00Z"}""")
public record LearnerCourse(
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
        List<Module> modules,
        CompletionCriteria completion,
        List<UUID> linkedAppIds,
        Instant publishedAt) {

    public static LearnerCourse of(Course course) {
        return new LearnerCourse(course.id, course.slug, course.title, course.summary, course.description, course.topic,
                course.level, course.format, course.expectedHours, course.language,
                course.modules().stream().map(Module::of).toList(), course.completionCriteria(),
                course.linkedAppIds.stream().sorted().toList(), course.publishedAt);
    }

    @Schema(name = "LearnerModule", description = "A module of a published course, as learners see it", examples = """
            {"id": "3f0c1e52-8a43-4c56-9d0e-5c1b7b2a9e10", "title": "Grundlagen",
             "lessons": [{"id": "9a1d4a7e-2c1b-4f5e-8d3a-1b2c3d4e5f60", "title": "Was ist ein Sprachmodell?", "kind": "TEXT",
               "text": "Ein Sprachmodell sagt das nächste Wort voraus …", "required": true}]}""")
    public record Module(UUID id, @Schema(examples = "Grundlagen") String title, List<LearnerLesson> lessons) {
        static Module of(CourseModule module) {
            return new Module(module.id(), module.title(), module.lessons().stream().map(LearnerLesson::of).toList());
        }
    }

    @Schema(name = "LearnerLesson", description = "A lesson of a published course, as learners see it (a quiz "
            + "without its answers)",
            examples = """
            {"id": "9a1d4a7e-2c1b-4f5e-8d3a-1b2c3d4e5f61", "title": "Datenschutz-Check", "kind": "QUIZ", "required": true,
             "quiz": {"passMark": 80, "questions": [{"id": "2b1f7c1e-5d4a-4e0b-9c3d-8a7b6c5d4e3f",
               "text": "Welche Daten dürfen in ein öffentliches KI-Werkzeug?", "type": "SINGLE_CHOICE",
               "options": [{"id": "6c2e8a10-1b3d-4f5a-9c7e-0d1f2a3b4c51", "text": "Nur öffentlich zugängliche Informationen"},
                           {"id": "6c2e8a10-1b3d-4f5a-9c7e-0d1f2a3b4c52", "text": "Auszüge aus dem Melderegister"}]}]}}""")
    public record LearnerLesson(UUID id, @Schema(examples = "Was ist ein Sprachmodell?") String title, LessonKind kind,
                                String text, String url, boolean required, LearnerQuiz quiz) {
        static LearnerLesson of(Lesson lesson) {
            return new LearnerLesson(lesson.id(), lesson.title(), lesson.kind(), lesson.text(), lesson.url(),
                    lesson.required(), lesson.quiz() == null ? null : LearnerQuiz.of(lesson.quiz()));
        }
    }

    @Schema(name = "LearnerQuiz", description = "A quiz without its answers", examples = """
            {"passMark": 80,
             "questions": [{"id": "2b1f7c1e-5d4a-4e0b-9c3d-8a7b6c5d4e3f", "text": "Welche Daten dürfen in ein öffentliches KI-Werkzeug?",
               "type": "SINGLE_CHOICE",
               "options": [{"id": "6c2e8a10-1b3d-4f5a-9c7e-0d1f2a3b4c51", "text": "Nur öffentlich zugängliche Informationen"},
                           {"id": "6c2e8a10-1b3d-4f5a-9c7e-0d1f2a3b4c52", "text": "Auszüge aus dem Melderegister"}]}]}""")
    public record LearnerQuiz(@Schema(examples = "80") int passMark, List<Question> questions) {
        static LearnerQuiz of(Quiz quiz) {
            return new LearnerQuiz(quiz.passMark(), quiz.questions().stream().map(q -> new Question(q.id(), q.text(),
                    q.type(), q.options().stream().map(o -> new Option(o.id(), o.text())).toList())).toList());
        }
    }

    @Schema(name = "LearnerQuestion", description = "A quiz question without its answers", examples = """
            {"id": "2b1f7c1e-5d4a-4e0b-9c3d-8a7b6c5d4e3f", "text": "Welche Daten dürfen in ein öffentliches KI-Werkzeug?",
             "type": "SINGLE_CHOICE",
             "options": [{"id": "6c2e8a10-1b3d-4f5a-9c7e-0d1f2a3b4c51", "text": "Nur öffentlich zugängliche Informationen"},
                         {"id": "6c2e8a10-1b3d-4f5a-9c7e-0d1f2a3b4c52", "text": "Auszüge aus dem Melderegister"}]}""")
    public record Question(UUID id, String text, QuestionType type, List<Option> options) {
    }

    @Schema(name = "LearnerAnswerOption", description = "An answer option as learners see it: its text only",
            examples = """
            {"id": "6c2e8a10-1b3d-4f5a-9c7e-0d1f2a3b4c51", "text": "Nur öffentlich zugängliche Informationen"}""")
    public record Option(UUID id, @Schema(examples = "Nur öffentlich zugängliche Informationen") String text) {
    }
}
