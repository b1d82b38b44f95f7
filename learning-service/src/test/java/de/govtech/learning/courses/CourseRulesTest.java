package de.govtech.learning.courses;

import de.govtech.learning.courses.CompletionCriteria.Aggregation;
import de.govtech.learning.courses.CompletionCriteria.Criterion;
import de.govtech.learning.courses.CompletionCriteria.CriterionType;
import de.govtech.platform.support.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CourseRulesTest {

    private static final UUID QUIZ = UUID.randomUUID();

    @Test
    void eachLessonKindNeedsItsContent() {
        List<CourseModule> modules = List.of(new CourseModule(null, "M", List.of(
                new Lesson(null, "Text", LessonKind.TEXT, " ", null, true, null),
                new Lesson(null, "Video", LessonKind.VIDEO, null, "http://insecure.example.de/v", false, null),
                new Lesson(null, "Link", LessonKind.LINK, null, "https://ok.example.de", false, null),
                new Lesson(null, "Quiz", LessonKind.QUIZ, null, null, false, null),
                new Lesson(null, "Text mit Quiz", LessonKind.TEXT, "t", null, false, quiz(QuestionType.SINGLE_CHOICE, true, false)))));
        assertEquals(List.of("modules[0].lessons[0].text", "modules[0].lessons[1].url", "modules[0].lessons[3].quiz",
                "modules[0].lessons[4].quiz"), fields(CourseRules.content(modules)));
    }

    @Test
    void singleChoiceHasExactlyOneCorrectOptionAndMultipleChoiceAtLeastOne() {
        List<CourseModule> modules = List.of(new CourseModule(null, "M", List.of(
                new Lesson(null, "Q1", LessonKind.QUIZ, null, null, false, quiz(QuestionType.SINGLE_CHOICE, true, true)),
                new Lesson(null, "Q2", LessonKind.QUIZ, null, null, false, quiz(QuestionType.MULTIPLE_CHOICE, false, false)),
                new Lesson(null, "Q3", LessonKind.QUIZ, null, null, false, quiz(QuestionType.MULTIPLE_CHOICE, true, true)))));
        assertEquals(List.of("modules[0].lessons[0].quiz.questions[0].options",
                "modules[0].lessons[1].quiz.questions[0].options"), fields(CourseRules.content(modules)));
    }

    @Test
    void idsSentByTheAuthorAreUniqueInTheCourse() {
        UUID id = UUID.randomUUID();
        List<CourseModule> modules = List.of(new CourseModule(id, "M", List.of(
                new Lesson(id, "T", LessonKind.TEXT, "t", null, false, null))));
        assertEquals(List.of("modules[0].lessons[0].id"), fields(CourseRules.content(modules)));
    }

    @Test
    void completionCriteriaMustFitTheCourse() {
        List<Lesson> lessons = List.of(new Lesson(UUID.randomUUID(), "T", LessonKind.TEXT, "t", null, false, null),
                new Lesson(QUIZ, "Q", LessonKind.QUIZ, null, null, false, quiz(QuestionType.SINGLE_CHOICE, true, false)));
        CompletionCriteria criteria = new CompletionCriteria(Aggregation.ALL, List.of(
                new Criterion(CriterionType.QUIZ_PASSED, UUID.randomUUID()),
                new Criterion(CriterionType.WORKSHOP_ATTENDED, null),
                new Criterion(CriterionType.REQUIRED_LESSONS, null),
                new Criterion(CriterionType.ALL_LESSONS, QUIZ),
                new Criterion(CriterionType.QUIZ_PASSED, QUIZ)));
        assertEquals(List.of("criteria[0].quizLessonId", "criteria[1].type", "criteria[2].type", "criteria[3].quizLessonId"),
                fields(CourseRules.completion(criteria, lessons, CourseFormat.SELF_PACED)));
        assertEquals(List.of(), fields(CourseRules.completion(new CompletionCriteria(Aggregation.ANY,
                List.of(new Criterion(CriterionType.WORKSHOP_ATTENDED, null))), lessons, CourseFormat.BLENDED)));
    }

    private static Quiz quiz(QuestionType type, boolean first, boolean second) {
        return new Quiz(50, List.of(new QuizQuestion(null, "Frage", type,
                List.of(new AnswerOption(null, "A", first), new AnswerOption(null, "B", second)))));
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
