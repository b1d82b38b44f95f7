package de.govtech.learning.progress;

import de.govtech.learning.courses.AnswerOption;
import de.govtech.learning.courses.QuestionType;
import de.govtech.learning.courses.Quiz;
import de.govtech.learning.courses.QuizQuestion;
import de.govtech.platform.support.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuizGraderTest {

    static final UUID Q1 = UUID.randomUUID(), A = UUID.randomUUID(), B = UUID.randomUUID();
    static final UUID Q2 = UUID.randomUUID(), C = UUID.randomUUID(), D = UUID.randomUUID(), E = UUID.randomUUID();
    static final Quiz QUIZ = new Quiz(60, List.of(
            new QuizQuestion(Q1, "Eins", QuestionType.SINGLE_CHOICE, List.of(new AnswerOption(A, "a", true), new AnswerOption(B, "b", false))),
            new QuizQuestion(Q2, "Zwei", QuestionType.MULTIPLE_CHOICE, List.of(new AnswerOption(C, "c", true),
                    new AnswerOption(D, "d", false), new AnswerOption(E, "e", true)))));

    static AttemptRequest.Answer answer(UUID question, UUID... options) {
        return new AttemptRequest.Answer(question, List.of(options));
    }

    @Test
    void aQuestionIsRightOnlyWithExactlyItsCorrectOptions() {
        QuizGrader.Grade grade = QuizGrader.grade(QUIZ, List.of(answer(Q1, A), answer(Q2, C)));
        assertEquals(50, grade.scorePercent());
        assertFalse(grade.passed());
        assertEquals(List.of(true, false), grade.questions().stream().map(QuizGrader.QuestionResult::correct).toList());
    }

    @Test
    void thePassMarkIsReachedWithEnoughRightQuestions() {
        QuizGrader.Grade grade = QuizGrader.grade(QUIZ, List.of(answer(Q1, A), answer(Q2, E, C)));
        assertEquals(100, grade.scorePercent());
        assertTrue(grade.passed());
        assertEquals(0, QuizGrader.grade(QUIZ, List.of()).scorePercent());
    }

    @Test
    void answersMustFitTheQuiz() {
        List<FieldError> errors = QuizGrader.check(QUIZ, List.of(answer(UUID.randomUUID(), A), answer(Q1, A, B),
                answer(Q2, A), answer(Q2, C)));
        assertEquals(List.of("answers[0].questionId", "answers[1].optionIds", "answers[2].optionIds", "answers[3].questionId"),
                errors.stream().map(FieldError::field).toList());
    }
}
