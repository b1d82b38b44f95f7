package de.govtech.membership.memberships;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.IsoFields;

/**
 * Notice (Kündigung): the membership ends at the end of the calendar quarter in which the notice period,
 * counted from the day notice is given, expires. Notice on 2026-02-10 with P6M: period expires 2026-08-10, the
 * last day of membership is 2026-09-30.
 */
public record NoticeRule(Period noticePeriod) {

    /** The last day of membership for notice given on {@code noticeGivenOn}. */
    public LocalDate lastDayOfMembership(LocalDate noticeGivenOn) {
        LocalDate expiry = noticeGivenOn.plus(noticePeriod);
        int quarter = expiry.get(IsoFields.QUARTER_OF_YEAR);
        LocalDate quarterEnd = LocalDate.of(expiry.getYear(), quarter * 3, 1);
        return quarterEnd.withDayOfMonth(quarterEnd.lengthOfMonth());
    }

    /** A membership that gave notice ends (ENDED) from the day after its last day. */
    public boolean isDue(LocalDate lastDayOfMembership, LocalDate today) {
        return today.isAfter(lastDayOfMembership);
    }
}
