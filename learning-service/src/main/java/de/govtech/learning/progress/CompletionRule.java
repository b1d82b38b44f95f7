package de.govtech.learning.progress;

import de.govtech.learning.courses.CompletionCriteria;

/**
 * Whether a learner has completed a course (Moodle's model): each criterion holds or not, aggregated with ALL or ANY.
 * A pure function of the criteria and the learner's record.
 */
public final class CompletionRule {

    private CompletionRule() {
    }

    public static boolean isComplete(CompletionCriteria criteria, LearnerRecord record) {
        if (criteria.criteria().isEmpty()) {
            return false;
        }
        return switch (criteria.aggregation()) {
            case ALL -> criteria.criteria().stream().allMatch(criterion -> holds(criterion, record));
            case ANY -> criteria.criteria().stream().anyMatch(criterion -> holds(criterion, record));
        };
    }

    static boolean holds(CompletionCriteria.Criterion criterion, LearnerRecord record) {
        return switch (criterion.type()) {
            case ALL_LESSONS -> !record.lessons().isEmpty() && record.completed().containsAll(record.lessons());
            case REQUIRED_LESSONS -> !record.requiredLessons().isEmpty()
                    && record.completed().containsAll(record.requiredLessons());
            case QUIZ_PASSED -> criterion.quizLessonId() != null && record.passedQuizzes().contains(criterion.quizLessonId());
            case WORKSHOP_ATTENDED -> record.attended();
        };
    }
}
