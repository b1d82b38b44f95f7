package de.govtech.membership.fees;

import de.govtech.platform.events.membership.MunicipalityType;
import de.govtech.platform.support.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeeScheduleRulesTest {

    static FeeScheduleRequest.Band band(Integer from, Integer to, String fee) {
        return new FeeScheduleRequest.Band(from, to, new BigDecimal(fee));
    }

    static FeeScheduleRequest.Scale scale(MunicipalityType type, String min, String max, FeeScheduleRequest.Band... bands) {
        return new FeeScheduleRequest.Scale(type, new BigDecimal(min), new BigDecimal(max), new BigDecimal("20"), List.of(bands));
    }

    static FeeScheduleRequest.Scale valid(MunicipalityType type) {
        return scale(type, "400", "2000", band(0, 5000, "500"), band(5000, 10000, "1000"), band(10000, null, "2000"));
    }

    /** A valid schedule whose first scale (GEMEINDE) is replaced by {@code first}. */
    static FeeScheduleRequest scheduleWith(FeeScheduleRequest.Scale first) {
        List<FeeScheduleRequest.Scale> scales = new ArrayList<>();
        scales.add(first);
        Arrays.stream(MunicipalityType.values()).filter(t -> t != MunicipalityType.GEMEINDE).map(FeeScheduleRulesTest::valid)
                .forEach(scales::add);
        return new FeeScheduleRequest("2027-1", false, "Beitragsordnung 2027", null, scales);
    }

    private static List<String> fields(FeeScheduleRequest request) {
        return FeeScheduleRules.check(request).stream().map(FieldError::field).toList();
    }

    @Test
    void aScheduleWithoutReferenceDateTakesTheDestatisFigureOfTheYearBeforeLast() {
        FeeScheduleRequest request = scheduleWith(valid(MunicipalityType.GEMEINDE));
        assertEquals(java.time.LocalDate.of(2025, 12, 31), FeeScheduleRules.toSchedule(2027, request).populationReferenceDate());
        FeeScheduleRequest dated = new FeeScheduleRequest(request.version(), false, request.description(),
                java.time.LocalDate.of(2026, 6, 30), request.scales());
        assertEquals(java.time.LocalDate.of(2026, 6, 30), FeeScheduleRules.toSchedule(2027, dated).populationReferenceDate());
    }

    @Test
    void aCompleteContiguousScheduleIsValid() {
        assertEquals(List.of(), FeeScheduleRules.check(scheduleWith(valid(MunicipalityType.GEMEINDE))));
    }

    @Test
    void overlappingBandsAreNamed() {
        assertEquals(List.of("scales[0].bands[1].from"), fields(scheduleWith(scale(MunicipalityType.GEMEINDE, "400", "2000",
                band(0, 5000, "500"), band(4999, null, "1000")))));
    }

    @Test
    void aGapBetweenBandsIsNamed() {
        assertEquals(List.of("scales[0].bands[1].from"), fields(scheduleWith(scale(MunicipalityType.GEMEINDE, "400", "2000",
                band(0, 5000, "500"), band(5001, null, "1000")))));
    }

    @Test
    void theFirstBandStartsAtZeroAndOnlyTheLastIsOpenEnded() {
        assertEquals(List.of("scales[0].bands[0].from"), fields(scheduleWith(scale(MunicipalityType.GEMEINDE, "400", "2000",
                band(1, null, "500")))));
        assertEquals(List.of("scales[0].bands[1].to"), fields(scheduleWith(scale(MunicipalityType.GEMEINDE, "400", "2000",
                band(0, 5000, "500"), band(5000, 9000, "1000")))));
        assertEquals(List.of("scales[0].bands[0].to"), fields(scheduleWith(scale(MunicipalityType.GEMEINDE, "400", "2000",
                band(0, null, "500"), band(5000, null, "1000")))));
    }

    @Test
    void aBandEndsAboveItsStart() {
        assertTrue(fields(scheduleWith(scale(MunicipalityType.GEMEINDE, "400", "2000",
                band(0, 0, "500"), band(0, null, "1000")))).contains("scales[0].bands[0].to"));
    }

    @Test
    void minimumAboveMaximumIsNamed() {
        assertEquals(List.of("scales[0].minimumFee"), fields(scheduleWith(scale(MunicipalityType.GEMEINDE, "2001", "2000",
                band(0, null, "2000")))));
    }

    @Test
    void everyBandFeeLiesWithinMinimumAndMaximum() {
        assertEquals(List.of("scales[0].bands[0].annualFee", "scales[0].bands[1].annualFee"),
                fields(scheduleWith(scale(MunicipalityType.GEMEINDE, "400", "2000",
                        band(0, 5000, "399.99"), band(5000, null, "2000.01")))));
        assertEquals(List.of(), fields(scheduleWith(scale(MunicipalityType.GEMEINDE, "400", "2000",
                band(0, 5000, "400.00"), band(5000, null, "2000.00")))));
    }

    @Test
    void everyTypeHasExactlyOneScale() {
        FeeScheduleRequest repeated = scheduleWith(valid(MunicipalityType.STADT));
        assertEquals(List.of("scales[1].type", "scales"), fields(repeated));
        assertTrue(FeeScheduleRules.check(repeated).get(1).message().contains("GEMEINDE"));
        assertEquals(List.of("scales"), fields(new FeeScheduleRequest("x", true, "x", null, List.of(valid(MunicipalityType.GEMEINDE)))));
    }

    @Test
    void toScheduleNormalisesMoneyToCents() {
        FeeSchedule schedule = FeeScheduleRules.toSchedule(2027, scheduleWith(valid(MunicipalityType.GEMEINDE)));
        assertEquals(2027, schedule.validFromYear());
        FeeScale gemeinde = schedule.scaleFor(MunicipalityType.GEMEINDE).orElseThrow();
        assertEquals(new BigDecimal("400.00"), gemeinde.minimumFee());
        assertEquals(new BigDecimal("500.00"), gemeinde.bands().get(0).annualFee());
        assertEquals(new BigDecimal("20.00"), gemeinde.foundingMemberDiscountPercent());
    }
}
