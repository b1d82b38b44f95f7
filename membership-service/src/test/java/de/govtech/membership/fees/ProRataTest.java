package de.govtech.membership.fees;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProRataTest {

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void foundingMembersHaveNoChargeableMonthIn2025AndTwelveIn2026() {
        assertEquals(0, ProRata.chargeableMonths(d("2025-12-12"), null, 2025));
        assertEquals(12, ProRata.chargeableMonths(d("2025-12-12"), null, 2026));
    }

    @Test
    void theJoiningMonthCountsOnlyWhenJoinedOnItsFirstDay() {
        assertEquals(10, ProRata.chargeableMonths(d("2026-03-01"), null, 2026));
        assertEquals(9, ProRata.chargeableMonths(d("2026-03-02"), null, 2026));
        assertEquals(9, ProRata.chargeableMonths(d("2026-03-31"), null, 2026));
        assertEquals(12, ProRata.chargeableMonths(d("2026-01-01"), null, 2026));
        assertEquals(0, ProRata.chargeableMonths(d("2026-12-02"), null, 2026));
        assertEquals(1, ProRata.chargeableMonths(d("2026-12-01"), null, 2026));
    }

    @Test
    void theLeavingMonthCountsWhenTheLastDayIsTheMonthsLastDay() {
        assertEquals(9, ProRata.chargeableMonths(d("2020-01-01"), d("2026-09-30"), 2026));
        assertEquals(8, ProRata.chargeableMonths(d("2020-01-01"), d("2026-09-29"), 2026));
        assertEquals(0, ProRata.chargeableMonths(d("2020-01-01"), d("2026-01-30"), 2026));
        assertEquals(1, ProRata.chargeableMonths(d("2020-01-01"), d("2026-01-31"), 2026));
        assertEquals(2, ProRata.chargeableMonths(d("2020-01-01"), d("2024-02-29"), 2024)); // leap year
        assertEquals(12, ProRata.chargeableMonths(d("2020-01-01"), d("2027-03-31"), 2026));
    }

    @Test
    void joinedAndLeftInTheSameYear() {
        assertEquals(6, ProRata.chargeableMonths(d("2026-03-15"), d("2026-09-30"), 2026)); // April–September
    }

    @Test
    void yearsOutsideTheMembershipHaveNoMonth() {
        assertEquals(0, ProRata.chargeableMonths(d("2026-01-01"), null, 2025));
        assertEquals(0, ProRata.chargeableMonths(d("2020-01-01"), d("2025-12-31"), 2026));
        assertEquals(0, ProRata.chargeableMonths(null, null, 2026));
    }

    @Test
    void amountIsTheAnnualFeeTimesMonthsByTwelveRoundedHalfUp() {
        assertEquals(new BigDecimal("1000.00"), ProRata.amount(new BigDecimal("1000.00"), 12));
        assertEquals(new BigDecimal("750.00"), ProRata.amount(new BigDecimal("1000.00"), 9));
        assertEquals(new BigDecimal("83.33"), ProRata.amount(new BigDecimal("1000.00"), 1)); // 83.333…
        assertEquals(new BigDecimal("166.67"), ProRata.amount(new BigDecimal("1000.00"), 2)); // 166.666…
        assertEquals(new BigDecimal("0.00"), ProRata.amount(new BigDecimal("1000.00"), 0));
        assertEquals(new BigDecimal("0.01"), ProRata.amount(new BigDecimal("0.06"), 1)); // 0.005 → 0.01
        assertThrows(IllegalArgumentException.class, () -> ProRata.amount(BigDecimal.TEN, 13));
    }
}
