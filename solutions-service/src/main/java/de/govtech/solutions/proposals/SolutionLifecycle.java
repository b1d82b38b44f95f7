package de.govtech.solutions.proposals;

import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.ProblemType;

import java.util.Map;

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

/**
 * The legal transitions of a solution:
 * <pre>
 *   PROPOSED    --SHORTLIST-->   SHORTLISTED
 *   PROPOSED    --START_PILOT--> IN_PILOT      (a round's winner may go straight into a pilot)
 *   SHORTLISTED --START_PILOT--> IN_PILOT
 *   IN_PILOT    --RELEASE-->     AVAILABLE_FOR_REUSE
 *   AVAILABLE_FOR_REUSE --RETIRE--> RETIRED
 *   PROPOSED | SHORTLISTED | IN_PILOT --DECLINE--> DECLINED
 * </pre>
 * RETIRED and DECLINED are final. Everything else is a 409 {@code illegal-transition}.
 */
public final class SolutionLifecycle {

    public static final ProblemType ILLEGAL_TRANSITION =
            ProblemType.of("illegal-transition", "Not allowed in the solution's current status", 409);

    private static final Map<SolutionStatus, Map<SolutionAction, SolutionStatus>> LEGAL = Map.of(
            PROPOSED, Map.of(SHORTLIST, SHORTLISTED, START_PILOT, IN_PILOT, DECLINE, DECLINED),
            SHORTLISTED, Map.of(START_PILOT, IN_PILOT, DECLINE, DECLINED),
            IN_PILOT, Map.of(RELEASE, AVAILABLE_FOR_REUSE, DECLINE, DECLINED),
            AVAILABLE_FOR_REUSE, Map.of(RETIRE, RETIRED),
            RETIRED, Map.of(),
            DECLINED, Map.of());

    private SolutionLifecycle() {
    }

    /** The status after {@code action}; 409 when {@code from} does not allow it. */
    public static SolutionStatus next(SolutionStatus from, SolutionAction action) {
        SolutionStatus to = LEGAL.get(from).get(action);
        if (to == null) {
            throw new DomainProblemException(ILLEGAL_TRANSITION,
                    "A solution in status " + from + " cannot be " + action.verb() + " (allowed: " + LEGAL.get(from).keySet() + ")");
        }
        return to;
    }

    /** May still be a candidate of a selection round. */
    public static boolean isCandidate(SolutionStatus status) {
        return status == PROPOSED || status == SHORTLISTED;
    }
}
