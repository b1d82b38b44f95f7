package de.govtech.solutions.reuse;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static de.govtech.solutions.reuse.CostSplit.Method.EQUAL;
import static de.govtech.solutions.reuse.CostSplit.Method.POPULATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CostSplitTest {

    private static final UUID A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-4000-8000-00000000000c");

    private static Map<UUID, Long> populations(Object... pairs) {
        Map<UUID, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((UUID) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return map;
    }

    private static List<Long> cents(List<CostSplit.Share> shares) {
        return shares.stream().map(CostSplit.Share::cents).toList();
    }

    @Test
    void anEqualSplitThatDividesEvenly() {
        assertEquals(List.of(100L, 100L, 100L), cents(CostSplit.split(300, EQUAL, populations(A, 1, B, 1, C, 1))));
    }

    @Test
    void theRemainderOfAnEqualSplitGoesToTheLowestIdsWhenFractionsTie() {
        assertEquals(List.of(34L, 33L, 33L), cents(CostSplit.split(100, EQUAL, populations(C, 0, A, 0, B, 0))));
        assertEquals(List.of(34L, 34L, 33L), cents(CostSplit.split(101, EQUAL, populations(B, 0, C, 0, A, 0))));
    }

    @Test
    void aPopulationSplitGivesTheLeftoverCentsToTheLargestFractions() {
        // quotas of 1000 cents by 1:2:4 → 142.857, 285.714, 571.428: floors 998, the 2 leftover cents to A (.857) and B (.714)
        List<CostSplit.Share> shares = CostSplit.split(1000, POPULATION, populations(A, 10_000, B, 20_000, C, 40_000));
        assertEquals(List.of(new CostSplit.Share(A, 143), new CostSplit.Share(B, 286), new CostSplit.Share(C, 571)), shares);
    }

    @Test
    void aPopulationSplitOfATypicalAmount() {
        // 100 000,00 € among towns of 126 458, 67 044 and 11 891 inhabitants: floors leave 2 cents for C (.912) and A (.738)
        List<CostSplit.Share> shares = CostSplit.split(10_000_000, POPULATION, populations(A, 126_458, B, 67_044, C, 11_891));
        assertEquals(10_000_000L, shares.stream().mapToLong(CostSplit.Share::cents).sum());
        assertEquals(List.of(6_156_880L, 3_264_181L, 578_939L), cents(shares));
    }

    @Test
    void fewerCentsThanMunicipalities() {
        assertEquals(List.of(1L, 1L, 0L), cents(CostSplit.split(2, EQUAL, populations(A, 0, B, 0, C, 0))));
        assertEquals(List.of(0L, 0L, 1L), cents(CostSplit.split(1, POPULATION, populations(A, 1, B, 1, C, 5))));
    }

    @Test
    void zeroIsSplitIntoZeros() {
        assertEquals(List.of(0L, 0L), cents(CostSplit.split(0, POPULATION, populations(A, 5, B, 7))));
    }

    @Test
    void oneMunicipalityPaysEverything() {
        assertEquals(List.of(123_456_789L), cents(CostSplit.split(123_456_789, POPULATION, populations(A, 3))));
    }

    @Test
    void aMunicipalityWithoutInhabitantsPaysNothingByPopulation() {
        assertEquals(List.of(0L, 999L), cents(CostSplit.split(999, POPULATION, populations(A, 0, B, 10))));
    }

    @Test
    void largeAmountsAndPopulationsDoNotOverflow() {
        List<CostSplit.Share> shares = CostSplit.split(Long.MAX_VALUE / 2, POPULATION, populations(A, 3_700_000, B, 1_850_000, C, 1));
        assertEquals(Long.MAX_VALUE / 2, shares.stream().mapToLong(CostSplit.Share::cents).sum());
    }

    @Test
    void theSharesAlwaysAddUpToTheTotalAndDifferFromTheQuotaByLessThanOneCent() {
        Random random = new Random(42);
        for (int run = 0; run < 2_000; run++) {
            int n = 1 + random.nextInt(12);
            Map<UUID, Long> pops = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                pops.put(UUID.randomUUID(), (long) random.nextInt(500_000));
            }
            pops.put(UUID.randomUUID(), 1L + random.nextInt(1000));
            long total = random.nextInt(10_000_000);
            long weightSum = pops.values().stream().mapToLong(Long::longValue).sum();
            List<CostSplit.Share> shares = CostSplit.split(total, POPULATION, pops);
            assertEquals(total, shares.stream().mapToLong(CostSplit.Share::cents).sum());
            for (CostSplit.Share share : shares) {
                double quota = (double) total * pops.get(share.municipalityId()) / weightSum;
                assertTrue(Math.abs(share.cents() - quota) < 1.0 + 1e-6, share + " vs " + quota);
            }
        }
    }

    @Test
    void theSplitDoesNotDependOnTheOrderTheMunicipalitiesAreGivenIn() {
        assertEquals(CostSplit.split(1001, POPULATION, populations(A, 3, B, 3, C, 3)),
                CostSplit.split(1001, POPULATION, populations(C, 3, B, 3, A, 3)));
    }

    @Test
    void nonsenseInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CostSplit.split(-1, EQUAL, populations(A, 1)));
        assertThrows(IllegalArgumentException.class, () -> CostSplit.split(10, EQUAL, populations()));
        assertThrows(IllegalArgumentException.class, () -> CostSplit.split(10, POPULATION, populations(A, 0, B, 0)));
        assertThrows(IllegalArgumentException.class, () -> CostSplit.split(10, POPULATION, populations(A, -5, B, 10)));
    }
}
