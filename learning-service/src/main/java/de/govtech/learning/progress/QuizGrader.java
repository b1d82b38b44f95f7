package de.govtech.learning.progress;

import de.govtech.learning.courses.AnswerOption;
import de.govtech.learning.courses.QuestionType;
import de.govtech.learning.courses.Quiz;
import de.govtech.learning.courses.QuizQuestion;
import de.govtech.platform.support.problem.FieldError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Grades a quiz attempt on the server: a question is right when exactly its correct options were chosen; the score is
 * the share of right questions (percent, rounded down); passed when the score reaches the pass mark. Plain.
 */
public final class QuizGrader {

    public record Grade(int scorePercent, boolean passed, List<QuestionResult> questions) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "QuizQuestionResult", description = "Whether "
            + "one question of an attempt was answered correctly",
            examples = """
            {"questionId": "2b1f7c1e-5d4a-4e0b-9c3d-8a7b6c5d4e3f", "correct": true}""")
    public record QuestionResult(UUID questionId, boolean correct) {
    }

    private QuizGrader() {
    }

    /** What is wrong with the answers to this quiz, naming each field. */
    public static List<FieldError> check(Quiz quiz, List<AttemptRequest.Answer> answers) {
        Map<UUID, QuizQuestion> questions = quiz.questions().stream()
                .collect(Collectors.toMap(QuizQuestion::id, Function.identity()));
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> answered = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            AttemptRequest.Answer answer = answers.get(i);
            QuizQuestion question = questions.get(answer.questionId());
            String path = "answers[" + i + "]";
            if (question == null) {
                errors.add(new FieldError(path + ".questionId", "is no question of this quiz"));
                continue;
            }
            if (!answered.add(question.id())) {
                errors.add(new FieldError(path + ".questionId", "is answered twice"));
            }
            Set<UUID> options = question.options().stream().map(AnswerOption::id).collect(Collectors.toSet());
            if (!options.containsAll(answer.optionIds())) {
                errors.add(new FieldError(path + ".optionIds", "names an option of another question"));
            }
            if (question.type() == QuestionType.SINGLE_CHOICE && answer.optionIds().size() > 1) {
                errors.add(new FieldError(path + ".optionIds", "a SINGLE_CHOICE question takes one option"));
            }
        }
        return errors;
    }

    public static Grade grade(Quiz quiz, List<AttemptRequest.Answer> answers) {
        Map<UUID, Set<UUID>> chosen = answers.stream()
                .collect(Collectors.toMap(AttemptRequest.Answer::questionId, a -> Set.copyOf(a.optionIds()), (a, b) -> a));
        List<QuestionResult> results = new ArrayList<>();
        int right = 0;
        for (QuizQuestion question : quiz.questions()) {
            Set<UUID> correct = question.options().stream().filter(AnswerOption::correct).map(AnswerOption::id)
                    .collect(Collectors.toSet());
            boolean ok = correct.equals(chosen.getOrDefault(question.id(), Set.of()));
            results.add(new QuestionResult(question.id(), ok));
            if (ok) {
                right++;
            }
        }
        int score = quiz.questions().isEmpty() ? 0 : right * 100 / quiz.questions().size();
        return new Grade(score, score >= quiz.passMark(), results);
    }
}
