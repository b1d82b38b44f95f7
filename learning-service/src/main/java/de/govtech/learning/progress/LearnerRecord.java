package de.govtech.learning.progress;

import java.util.Set;
import java.util.UUID;

/**
 * What a learner has done in one course, as the completion rule needs it.
 *
 * @param lessons         every lesson of the course
 * @param requiredLessons the lessons marked required
 * @param completed       the lessons the learner completed (a quiz lesson counts once passed)
 * @param passedQuizzes   the quiz lessons with at least one passing attempt
 * @param attended        whether the learner attended their workshop session
 */
public record LearnerRecord(Set<UUID> lessons, Set<UUID> requiredLessons, Set<UUID> completed, Set<UUID> passedQuizzes,
                            boolean attended) {
}
