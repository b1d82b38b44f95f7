package de.govtech.solutions.rounds;

import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BallotRulesTest {

    private static final UUID A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    private static final UUID STRANGER = UUID.fromString("00000000-0000-4000-8000-0000000000ee");

    private static BallotRequest.Allocation give(UUID candidate, int points) {
        return new BallotRequest.Allocation(candidate, points);
    }

    private static List<String> fieldsOf(Runnable call) {
        DomainProblemException refused = assertThrows(DomainProblemException.class, call::run);
        assertEquals(422, refused.problemType().status());
        assertEquals("invalid-ballot", refused.problemType().kind());
        return refused.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void allPointsOnCandidatesUpToTheLimitAreValid() {
        assertEquals(Map.of(A, 7, B, 3), BallotRules.validate(List.of(give(A, 7), give(B, 3)), Set.of(A, B), 10));
        assertEquals(Map.of(A, 0), BallotRules.validate(List.of(give(A, 0)), Set.of(A, B), 10));
        assertEquals(Map.of(), BallotRules.validate(List.of(), Set.of(A, B), 10));
    }

    @Test
    void moreThanThePointsPerMemberIsRefused() {
        assertEquals(List.of("allocations"), fieldsOf(() -> BallotRules.validate(List.of(give(A, 7), give(B, 4)), Set.of(A, B), 10)));
    }

    @Test
    void negativePointsAreRefusedAndDoNotMakeRoomForMore() {
        assertEquals(List.of("allocations[1].points", "allocations"),
                fieldsOf(() -> BallotRules.validate(List.of(give(A, 11), give(B, -1)), Set.of(A, B), 10)));
    }

    @Test
    void onlyCandidatesEachOnceMayGetPoints() {
        assertEquals(List.of("allocations[0].solutionId", "allocations[2].solutionId"), fieldsOf(() ->
                BallotRules.validate(List.of(give(STRANGER, 1), give(A, 1), give(A, 1)), Set.of(A, B), 10)));
    }
}
