package de.govtech.membership.fees;

import de.govtech.platform.events.membership.MunicipalityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeeScaleTest {

    static final FeeScale GEMEINDE = new FeeScale(MunicipalityType.GEMEINDE, Money.euros("400"), Money.euros("12000"),
            new BigDecimal("20.00"), List.of(
            new FeeBand(0, 5000, Money.euros("500")),
            new FeeBand(5000, 10000, Money.euros("1000")),
            new FeeBand(10000, null, Money.euros("2000"))));

    @ParameterizedTest(name = "population {0} → band from {1}, fee {2}")
    @CsvSource({
            "0, 0, 500.00",
            "1, 0, 500.00",
            "4999, 0, 500.00",
            "5000, 5000, 1000.00",
            "5001, 5000, 1000.00",
            "9999, 5000, 1000.00",
            "10000, 10000, 2000.00",
            "2147483647, 10000, 2000.00"})
    void lowerBoundIsInclusiveUpperBoundExclusive(int population, int bandFrom, String fee) {
        FeeScale.FeeCalculation calculation = GEMEINDE.annualFee(population, false);
        assertEquals(bandFrom, calculation.band().fromPopulation());
        assertEquals(new BigDecimal(fee), calculation.annualFee());
        assertFalse(calculation.foundingMemberDiscountApplied());
    }

    @Test
    void foundingMembersGetTheDiscountButNeverLessThanTheMinimum() {
        assertEquals(new BigDecimal("1600.00"), GEMEINDE.annualFee(12160, true).annualFee()); // 2000 − 20 %
        assertTrue(GEMEINDE.annualFee(12160, true).foundingMemberDiscountApplied());
        assertEquals(new BigDecimal("800.00"), GEMEINDE.annualFee(5000, true).annualFee());
        assertEquals(new BigDecimal("400.00"), GEMEINDE.annualFee(4074, true).annualFee()); // exactly the minimum
        FeeScale highMinimum = new FeeScale(MunicipalityType.GEMEINDE, Money.euros("450"), Money.euros("12000"),
                new BigDecimal("20"), GEMEINDE.bands());
        assertEquals(new BigDecimal("450.00"), highMinimum.annualFee(4074, true).annualFee()); // 400 raised to 450
    }

    @Test
    void discountIsRoundedHalfUpToCents() {
        FeeScale odd = new FeeScale(MunicipalityType.STADT, Money.ZERO, Money.euros("99999"), new BigDecimal("33.33"),
                List.of(new FeeBand(0, null, Money.euros("1000.05"))));
        // 1000.05 × 66.67 / 100 = 666.733335 → 666.73
        assertEquals(new BigDecimal("666.73"), odd.annualFee(1, true).annualFee());
        FeeScale half = new FeeScale(MunicipalityType.STADT, Money.ZERO, Money.euros("99999"), new BigDecimal("50"),
                List.of(new FeeBand(0, null, Money.euros("0.05"))));
        assertEquals(new BigDecimal("0.03"), half.annualFee(1, true).annualFee()); // 0.025 → 0.03
    }

    @Test
    void withoutAFoundingRuleFoundingMembersPayTheBandFee() {
        FeeScale noRule = new FeeScale(MunicipalityType.LANDKREIS, Money.euros("6000"), Money.euros("15000"), null,
                List.of(new FeeBand(0, null, Money.euros("6000"))));
        assertEquals(new BigDecimal("6000.00"), noRule.annualFee(274484, true).annualFee());
        assertFalse(noRule.annualFee(274484, true).foundingMemberDiscountApplied());
    }

    @Test
    void negativePopulationIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> GEMEINDE.annualFee(-1, false));
    }
}
