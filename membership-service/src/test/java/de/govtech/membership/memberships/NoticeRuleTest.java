package de.govtech.membership.memberships;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.Period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoticeRuleTest {

    @ParameterizedTest
    @CsvSource({
            "P6M, 2026-02-10, 2026-09-30",
            "P6M, 2026-01-01, 2026-09-30",   // expires 2026-07-01: Q3
            "P6M, 2025-12-31, 2026-06-30",   // expires 2026-06-30: last day of Q2 itself
            "P6M, 2026-07-15, 2027-03-31",   // into the next year
            "P3M, 2026-03-31, 2026-06-30",
            "P0D, 2026-11-05, 2026-12-31"})
    void membershipEndsAtTheEndOfTheQuarterInWhichTheNoticePeriodExpires(Period period, LocalDate notice, LocalDate last) {
        assertEquals(last, new NoticeRule(period).lastDayOfMembership(notice));
    }

    @org.junit.jupiter.api.Test
    void dueFromTheDayAfterTheLastDay() {
        NoticeRule rule = new NoticeRule(Period.ofMonths(6));
        LocalDate last = LocalDate.of(2026, 9, 30);
        assertFalse(rule.isDue(last, last));
        assertTrue(rule.isDue(last, last.plusDays(1)));
    }
}
