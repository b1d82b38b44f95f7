package de.govtech.learning.courses;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A published course as learners see it: lessons without any quiz answer. */
@Schema(name = "CatalogueCourseDetail")
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

    @Schema(name = "LearnerModule")
    public record Module(UUID id, @Schema(examples = "Grundlagen") String title, List<LearnerLesson> lessons) {
        static Module of(CourseModule module) {
            return new Module(module.id(), module.title(), module.lessons().stream().map(LearnerLesson::of).toList());
        }
    }

    @Schema(name = "LearnerLesson")
    public record LearnerLesson(UUID id, @Schema(examples = "Was ist ein Sprachmodell?") String title, LessonKind kind,
                                String text, String url, boolean required, LearnerQuiz quiz) {
        static LearnerLesson of(Lesson lesson) {
            return new LearnerLesson(lesson.id(), lesson.title(), lesson.kind(), lesson.text(), lesson.url(),
                    lesson.required(), lesson.quiz() == null ? null : LearnerQuiz.of(lesson.quiz()));
        }
    }

    /** A quiz without its answers. */
    @Schema(name = "LearnerQuiz")
    public record LearnerQuiz(@Schema(examples = "80") int passMark, List<Question> questions) {
        static LearnerQuiz of(Quiz quiz) {
            return new LearnerQuiz(quiz.passMark(), quiz.questions().stream().map(q -> new Question(q.id(), q.text(),
                    q.type(), q.options().stream().map(o -> new Option(o.id(), o.text())).toList())).toList());
        }
    }

    @Schema(name = "LearnerQuestion")
    public record Question(UUID id, String text, QuestionType type, List<Option> options) {
    }

    @Schema(name = "LearnerAnswerOption")
    public record Option(UUID id, @Schema(examples = "Nur öffentlich zugängliche Informationen") String text) {
    }
}
