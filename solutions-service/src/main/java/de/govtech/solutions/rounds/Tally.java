package de.govtech.solutions.rounds;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Counts ballots into a ranking: total points per candidate, highest first; equal totals share a rank (1, 1, 3 —
 * standard competition ranking) and are listed in the round's candidate order, so the result is deterministic.
 */
public final class Tally {

    public record Ranked(int rank, UUID solutionId, int points) {
    }

    private Tally() {
    }

    /**
     * @param candidates the round's candidates in their order
     * @param ballots    points per candidate of each counted ballot; points for a non-candidate are ignored
     */
    public static List<Ranked> rank(List<UUID> candidates, Collection<Map<UUID, Integer>> ballots) {
        Map<UUID, Integer> totals = new LinkedHashMap<>();
        candidates.forEach(candidate -> totals.put(candidate, 0));
        for (Map<UUID, Integer> ballot : ballots) {
            ballot.forEach((candidate, points) -> totals.computeIfPresent(candidate, (c, sum) -> sum + points));
        }
        List<UUID> order = new ArrayList<>(candidates);
        order.sort(Comparator.comparing((UUID c) -> totals.get(c)).reversed()); // stable: ties keep candidate order
        List<Ranked> ranking = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            int points = totals.get(order.get(i));
            int rank = i > 0 && ranking.get(i - 1).points() == points ? ranking.get(i - 1).rank() : i + 1;
            ranking.add(new Ranked(rank, order.get(i), points));
        }
        return ranking;
    }
}
