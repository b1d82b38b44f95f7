package de.govtech.membership.memberships;

import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.ProblemType;

/** An action that the membership's current state does not allow: 409. */
public class IllegalTransitionException extends DomainProblemException {

    private static final long serialVersionUID = 1L;

    public static final ProblemType ILLEGAL_TRANSITION =
            ProblemType.of("illegal-transition", "Not allowed in the membership's current state", 409);

    public IllegalTransitionException(MembershipStatus from, MembershipAction action) {
        super(ILLEGAL_TRANSITION, "A membership in state " + (from == null ? "(none)" : from) + " cannot " + action);
    }
}
