package de.govtech.learning.progress;

import de.govtech.learning.courses.CompletionCriteria;
import de.govtech.learning.courses.CompletionCriteria.Aggregation;
import de.govtech.learning.courses.CompletionCriteria.Criterion;
import de.govtech.learning.courses.CompletionCriteria.CriterionType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompletionRuleTest {

    static final UUID TEXT = UUID.randomUUID();
    static final UUID VIDEO = UUID.randomUUID();
    static final UUID QUIZ = UUID.randomUUID();
    static final Set<UUID> LESSONS = Set.of(TEXT, VIDEO, QUIZ);
    static final Set<UUID> REQUIRED = Set.of(TEXT, QUIZ);

    static LearnerRecord record(Set<UUID> completed, boolean attended) {
        Set<UUID> passed = completed.contains(QUIZ) ? Set.of(QUIZ) : Set.of();
        return new LearnerRecord(LESSONS, REQUIRED, completed, passed, attended);
    }

    static CompletionCriteria criteria(Aggregation aggregation, Criterion... criteria) {
        return new CompletionCriteria(aggregation, List.of(criteria));
    }

    static final Criterion ALL = new Criterion(CriterionType.ALL_LESSONS, null);
    static final Criterion REQ = new Criterion(CriterionType.REQUIRED_LESSONS, null);
    static final Criterion PASSED = new Criterion(CriterionType.QUIZ_PASSED, QUIZ);
    static final Criterion ATTENDED = new Criterion(CriterionType.WORKSHOP_ATTENDED, null);

    @Test
    void allLessonsNeedsEveryLesson() {
        assertFalse(CompletionRule.isComplete(criteria(Aggregation.ALL, ALL), record(Set.of(TEXT, QUIZ), false)));
        assertTrue(CompletionRule.isComplete(criteria(Aggregation.ALL, ALL), record(LESSONS, false)));
    }

    @Test
    void requiredLessonsIgnoresOptionalOnes() {
        assertTrue(CompletionRule.isComplete(criteria(Aggregation.ALL, REQ), record(Set.of(TEXT, QUIZ), false)));
        assertFalse(CompletionRule.isComplete(criteria(Aggregation.ALL, REQ), record(Set.of(TEXT, VIDEO), false)));
    }

    @Test
    void aNamedQuizMustBePassed() {
        assertTrue(CompletionRule.isComplete(criteria(Aggregation.ALL, PASSED), record(Set.of(QUIZ), false)));
        assertFalse(CompletionRule.isComplete(criteria(Aggregation.ALL, PASSED), record(Set.of(TEXT, VIDEO), true)));
    }

    @Test
    void allNeedsEveryCriterionAndAnyOne() {
        assertFalse(CompletionRule.isComplete(criteria(Aggregation.ALL, PASSED, ATTENDED), record(Set.of(QUIZ), false)));
        assertTrue(CompletionRule.isComplete(criteria(Aggregation.ALL, PASSED, ATTENDED), record(Set.of(QUIZ), true)));
        assertTrue(CompletionRule.isComplete(criteria(Aggregation.ANY, PASSED, ATTENDED), record(Set.of(), true)));
        assertFalse(CompletionRule.isComplete(criteria(Aggregation.ANY, PASSED, ATTENDED), record(Set.of(TEXT), false)));
    }

    @Test
    void aCourseWithoutLessonsOrCriteriaIsNeverComplete() {
        LearnerRecord empty = new LearnerRecord(Set.of(), Set.of(), Set.of(), Set.of(), false);
        assertFalse(CompletionRule.isComplete(criteria(Aggregation.ALL, ALL), empty));
        assertFalse(CompletionRule.isComplete(criteria(Aggregation.ALL, REQ), empty));
        assertFalse(CompletionRule.isComplete(new CompletionCriteria(Aggregation.ANY, List.of()), record(LESSONS, true)));
    }
}
