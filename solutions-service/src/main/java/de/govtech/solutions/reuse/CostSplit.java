package de.govtech.solutions.reuse;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Splits an amount in euro cents among municipalities, exactly: the shares always add up to the total. EQUAL gives
 * everyone the same weight, POPULATION weights by inhabitants. Largest-remainder method (Hare–Niemeyer): everyone gets
 * the whole cents of their exact quota, and the cents left over go one each to the largest fractional parts; equal
 * fractional parts are served in ascending municipality id, so the same input always gives the same split.
 */
public final class CostSplit {

    @Schema(name = "CostSplitMethod", description = "EQUAL shares, or shares by POPULATION")
    public enum Method {
        EQUAL,
        POPULATION
    }

    public record Share(UUID municipalityId, long cents) {
    }

    private CostSplit() {
    }

    /**
     * @param totalCents  amount to split, ≥ 0
     * @param populations inhabitants per municipality (only read for POPULATION; each ≥ 0, not all 0)
     * @return one share per municipality, in ascending municipality id
     */
    public static List<Share> split(long totalCents, Method method, Map<UUID, Long> populations) {
        if (totalCents < 0) {
            throw new IllegalArgumentException("the amount must not be negative");
        }
        if (populations.isEmpty()) {
            throw new IllegalArgumentException("no municipality to split among");
        }
        List<UUID> ids = populations.keySet().stream().sorted().toList();
        List<BigInteger> weights = new ArrayList<>();
        for (UUID id : ids) {
            long weight = method == Method.EQUAL ? 1 : populations.get(id);
            if (weight < 0) {
                throw new IllegalArgumentException("population of " + id + " must not be negative");
            }
            weights.add(BigInteger.valueOf(weight));
        }
        BigInteger sum = weights.stream().reduce(BigInteger.ZERO, BigInteger::add);
        if (sum.signum() == 0) {
            throw new IllegalArgumentException("the weights add up to zero");
        }
        BigInteger total = BigInteger.valueOf(totalCents);
        long[] cents = new long[ids.size()];
        BigInteger[] remainders = new BigInteger[ids.size()];
        long assigned = 0;
        for (int i = 0; i < ids.size(); i++) {
            BigInteger[] quotient = total.multiply(weights.get(i)).divideAndRemainder(sum);
            cents[i] = quotient[0].longValueExact();
            remainders[i] = quotient[1];
            assigned += cents[i];
        }
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            byRemainder.add(i);
        }
        byRemainder.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> ids.get(i)));
        for (int k = 0; k < totalCents - assigned; k++) {
            cents[byRemainder.get(k)]++;
        }
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            shares.add(new Share(ids.get(i), cents[i]));
        }
        return shares;
    }
}
