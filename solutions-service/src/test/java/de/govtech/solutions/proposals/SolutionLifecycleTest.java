package de.govtech.solutions.proposals;

import de.govtech.platform.support.problem.DomainProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static de.govtech.solutions.proposals.SolutionAction.DECLINE;
import static de.govtech.solutions.proposals.SolutionAction.RELEASE;
import static de.govtech.solutions.proposals.SolutionAction.RETIRE;
import static de.govtech.solutions.proposals.SolutionAction.SHORTLIST;
import static de.govtech.solutions.proposals.SolutionAction.START_PILOT;
import static de.govtech.solutions.proposals.SolutionStatus.AVAILABLE_FOR_REUSE;
import static de.govtech.solutions.proposals.SolutionStatus.DECLINED;
import static de.govtech.solutions.proposals.SolutionStatus.IN_PILOT;
import static de.govtech.solutions.proposals.SolutionStatus.PROPOSED;
import static de.govtech.solutions.proposals.SolutionStatus.RETIRED;
import static de.govtech.solutions.proposals.SolutionStatus.SHORTLISTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SolutionLifecycleTest {

    private static final Map<SolutionStatus, Map<SolutionAction, SolutionStatus>> EXPECTED = Map.of(
            PROPOSED, Map.of(SHORTLIST, SHORTLISTED, START_PILOT, IN_PILOT, DECLINE, DECLINED),
            SHORTLISTED, Map.of(START_PILOT, IN_PILOT, DECLINE, DECLINED),
            IN_PILOT, Map.of(RELEASE, AVAILABLE_FOR_REUSE, DECLINE, DECLINED),
            AVAILABLE_FOR_REUSE, Map.of(RETIRE, RETIRED),
            RETIRED, Map.of(),
            DECLINED, Map.of());

    @Test
    void theHappyPathLeadsFromProposalToRetirement() {
        SolutionStatus status = PROPOSED;
        for (SolutionAction action : new SolutionAction[] {SHORTLIST, START_PILOT, RELEASE, RETIRE}) {
            status = SolutionLifecycle.next(status, action);
        }
        assertEquals(RETIRED, status);
    }

    @ParameterizedTest
    @EnumSource(SolutionStatus.class)
    void everyPairOfStatusAndActionIsEitherTheDocumentedTransitionOrA409(SolutionStatus from) {
        for (SolutionAction action : SolutionAction.values()) {
            SolutionStatus expected = EXPECTED.get(from).get(action);
            if (expected != null) {
                assertEquals(expected, SolutionLifecycle.next(from, action), from + " " + action);
            } else {
                DomainProblemException refused = assertThrows(DomainProblemException.class,
                        () -> SolutionLifecycle.next(from, action), from + " " + action);
                assertEquals(409, refused.problemType().status());
                assertEquals("illegal-transition", refused.problemType().kind());
                assertTrue(refused.detail().contains(from.name()), refused.detail());
            }
        }
    }

    @Test
    void retiredAndDeclinedAreFinal() {
        for (SolutionStatus last : Set.of(RETIRED, DECLINED)) {
            for (SolutionAction action : SolutionAction.values()) {
                assertThrows(DomainProblemException.class, () -> SolutionLifecycle.next(last, action));
            }
        }
    }

    @Test
    void onlyProposedAndShortlistedSolutionsAreRoundCandidates() {
        assertEquals(EnumSet.of(PROPOSED, SHORTLISTED), EnumSet.copyOf(
                EnumSet.allOf(SolutionStatus.class).stream().filter(SolutionLifecycle::isCandidate).toList()));
        assertFalse(SolutionLifecycle.isCandidate(IN_PILOT));
    }
}
