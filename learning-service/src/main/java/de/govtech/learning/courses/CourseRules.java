package de.govtech.learning.courses;

import de.govtech.platform.support.problem.FieldError;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Rules on a course's content and completion criteria beyond the per-field constraints; plain, no Quarkus. */
public final class CourseRules {

    private CourseRules() {
    }

    /** What is wrong with the modules and lessons, each error naming its JSON path. */
    public static List<FieldError> content(List<CourseModule> modules) {
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        for (int m = 0; m < modules.size(); m++) {
            CourseModule module = modules.get(m);
            String modulePath = "modules[" + m + "]";
            unique(ids, module.id(), modulePath + ".id", errors);
            for (int l = 0; l < module.lessons().size(); l++) {
                lesson(module.lessons().get(l), modulePath + ".lessons[" + l + "]", ids, errors);
            }
        }
        return errors;
    }

    /** What is wrong with completion criteria for a course with these lessons and this format. */
    public static List<FieldError> completion(CompletionCriteria criteria, List<Lesson> lessons, CourseFormat format) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < criteria.criteria().size(); i++) {
            CompletionCriteria.Criterion criterion = criteria.criteria().get(i);
            String path = "criteria[" + i + "]";
            switch (criterion.type()) {
                case QUIZ_PASSED -> {
                    boolean quiz = lessons.stream().anyMatch(lesson -> lesson.kind() == LessonKind.QUIZ
                            && lesson.id().equals(criterion.quizLessonId()));
                    if (!quiz) {
                        errors.add(new FieldError(path + ".quizLessonId", "must name a QUIZ lesson of this course"));
                    }
                }
                case WORKSHOP_ATTENDED -> {
                    if (!format.hasWorkshops()) {
                        errors.add(new FieldError(path + ".type", "a SELF_PACED course has no workshop to attend"));
                    }
                }
                case REQUIRED_LESSONS -> {
                    if (lessons.stream().noneMatch(Lesson::required)) {
                        errors.add(new FieldError(path + ".type", "the course has no required lesson"));
                    }
                }
                case ALL_LESSONS -> {
                }
            }
            if (criterion.type() != CompletionCriteria.CriterionType.QUIZ_PASSED && criterion.quizLessonId() != null) {
                errors.add(new FieldError(path + ".quizLessonId", "only QUIZ_PASSED names a quiz lesson"));
            }
        }
        return errors;
    }

    private static void lesson(Lesson lesson, String path, Set<UUID> ids, List<FieldError> errors) {
        unique(ids, lesson.id(), path + ".id", errors);
        switch (lesson.kind()) {
            case TEXT -> {
                if (lesson.text() == null || lesson.text().isBlank()) {
                    errors.add(new FieldError(path + ".text", "a TEXT lesson needs a text"));
                }
            }
            case VIDEO, LINK -> {
                if (!isHttpsUrl(lesson.url())) {
                    errors.add(new FieldError(path + ".url", "a " + lesson.kind() + " lesson needs an https URL"));
                }
            }
            case QUIZ -> {
                if (lesson.quiz() == null) {
                    errors.add(new FieldError(path + ".quiz", "a QUIZ lesson needs a quiz"));
                }
            }
        }
        if (lesson.kind() != LessonKind.QUIZ && lesson.quiz() != null) {
            errors.add(new FieldError(path + ".quiz", "only a QUIZ lesson has a quiz"));
        }
        if (lesson.quiz() != null) {
            quiz(lesson.quiz(), path + ".quiz", ids, errors);
        }
    }

    private static void quiz(Quiz quiz, String path, Set<UUID> ids, List<FieldError> errors) {
        for (int q = 0; q < quiz.questions().size(); q++) {
            QuizQuestion question = quiz.questions().get(q);
            String questionPath = path + ".questions[" + q + "]";
            unique(ids, question.id(), questionPath + ".id", errors);
            for (int o = 0; o < question.options().size(); o++) {
                unique(ids, question.options().get(o).id(), questionPath + ".options[" + o + "].id", errors);
            }
            long correct = question.options().stream().filter(AnswerOption::correct).count();
            if (question.type() == QuestionType.SINGLE_CHOICE && correct != 1) {
                errors.add(new FieldError(questionPath + ".options", "a SINGLE_CHOICE question has exactly one correct option"));
            } else if (question.type() == QuestionType.MULTIPLE_CHOICE && correct < 1) {
                errors.add(new FieldError(questionPath + ".options", "a MULTIPLE_CHOICE question has at least one correct option"));
            }
        }
    }

    private static void unique(Set<UUID> ids, UUID id, String path, List<FieldError> errors) {
        if (id != null && !ids.add(id)) {
            errors.add(new FieldError(path, "is used twice in this course"));
        }
    }

    static boolean isHttpsUrl(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(value.strip());
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
