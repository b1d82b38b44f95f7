package de.govtech.solutions.rounds;

import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.FieldError;
import de.govtech.platform.support.problem.ProblemType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What makes a ballot valid for a round: only candidates, each at most once, points ≥ 0, sum ≤ points per member. */
public final class BallotRules {

    public static final ProblemType INVALID_BALLOT = ProblemType.of("invalid-ballot", "The ballot breaks the round's rules", 422);

    private BallotRules() {
    }

    /** The points per candidate; 422 naming every offending allocation. */
    public static Map<UUID, Integer> validate(List<BallotRequest.Allocation> allocations, Set<UUID> candidates, int pointsPerMember) {
        List<FieldError> errors = new ArrayList<>();
        Map<UUID, Integer> points = new LinkedHashMap<>();
        Set<UUID> seen = new HashSet<>();
        long sum = 0;
        for (int i = 0; i < allocations.size(); i++) {
            BallotRequest.Allocation allocation = allocations.get(i);
            String field = "allocations[" + i + "]";
            if (!candidates.contains(allocation.solutionId())) {
                errors.add(new FieldError(field + ".solutionId", "is not a candidate of this round"));
            } else if (!seen.add(allocation.solutionId())) {
                errors.add(new FieldError(field + ".solutionId", "appears more than once"));
            }
            if (allocation.points() < 0) {
                errors.add(new FieldError(field + ".points", "must not be negative"));
            }
            sum += Math.max(0, allocation.points());
            points.merge(allocation.solutionId(), allocation.points(), Integer::sum);
        }
        if (sum > pointsPerMember) {
            errors.add(new FieldError("allocations", "distributes " + sum + " points; at most " + pointsPerMember + " are allowed"));
        }
        if (!errors.isEmpty()) {
            throw new DomainProblemException(INVALID_BALLOT, "The ballot has " + errors.size() + " error(s)", errors);
        }
        return points;
    }
}
