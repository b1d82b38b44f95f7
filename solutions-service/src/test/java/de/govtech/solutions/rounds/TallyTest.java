package de.govtech.solutions.rounds;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TallyTest {

    private static final UUID A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-4000-8000-00000000000c");
    private static final UUID D = UUID.fromString("00000000-0000-4000-8000-00000000000d");

    @Test
    void totalsAreSummedAndRankedHighestFirst() {
        List<Tally.Ranked> ranking = Tally.rank(List.of(A, B, C), List.of(Map.of(A, 2, B, 8), Map.of(A, 5, C, 5), Map.of(B, 1)));
        assertEquals(List.of(new Tally.Ranked(1, B, 9), new Tally.Ranked(2, A, 7), new Tally.Ranked(3, C, 5)), ranking);
    }

    @Test
    void equalTotalsShareARankAndKeepTheCandidateOrder() {
        List<Tally.Ranked> ranking = Tally.rank(List.of(C, A, B, D), List.of(Map.of(A, 4, B, 4, C, 4, D, 1)));
        assertEquals(List.of(new Tally.Ranked(1, C, 4), new Tally.Ranked(1, A, 4), new Tally.Ranked(1, B, 4),
                new Tally.Ranked(4, D, 1)), ranking);
    }

    @Test
    void withoutBallotsEveryCandidateHasZeroAndRankOne() {
        assertEquals(List.of(new Tally.Ranked(1, A, 0), new Tally.Ranked(1, B, 0)), Tally.rank(List.of(A, B), List.of()));
    }

    @Test
    void pointsForSomethingThatIsNoCandidateAreIgnored() {
        assertEquals(List.of(new Tally.Ranked(1, A, 3)), Tally.rank(List.of(A), List.of(Map.of(A, 3, D, 7))));
    }
}
