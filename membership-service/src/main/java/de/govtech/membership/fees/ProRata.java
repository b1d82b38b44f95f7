package de.govtech.membership.fees;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Pro-rata fees by month: a member pays {@code annual fee × chargeable months / 12}, rounded half up to cents.
 * A month is chargeable when the membership covers the whole calendar month: the joining month counts only if
 * the member joined on its 1st, the leaving month only if the last day of membership is the month's last day
 * (always so after notice, which ends at a quarter's end). Founding members joined on 2025-12-12, so 2025 has no
 * chargeable month for them and 2026 has twelve.
 */
public final class ProRata {

    private ProRata() {
    }

    /**
     * Chargeable months of {@code year} for a membership from {@code joinedOn} to {@code lastDay} (both inclusive;
     * {@code lastDay == null}: still a member), 0–12.
     */
    public static int chargeableMonths(LocalDate joinedOn, LocalDate lastDay, int year) {
        if (joinedOn == null) {
            return 0;
        }
        int months = 0;
        for (int month = 1; month <= 12; month++) {
            YearMonth ym = YearMonth.of(year, month);
            boolean fromStart = !joinedOn.isAfter(ym.atDay(1));
            boolean toEnd = lastDay == null || !lastDay.isBefore(ym.atEndOfMonth());
            if (fromStart && toEnd) {
                months++;
            }
        }
        return months;
    }

    public static BigDecimal amount(BigDecimal annualFee, int months) {
        if (months < 0 || months > 12) {
            throw new IllegalArgumentException("months must be 0–12: " + months);
        }
        return annualFee.multiply(BigDecimal.valueOf(months)).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
    }
}
