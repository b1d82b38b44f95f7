package de.govtech.membership.fees;

import de.govtech.platform.events.membership.MunicipalityType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * The fee scale of one type of authority in a schedule: contiguous population bands starting at 0, the last one
 * open-ended, each with its annual fee; a minimum and maximum fee that bound every band's fee; and an optional
 * founding-member discount in percent. Assumes a valid scale ({@link FeeScheduleRules}).
 */
public record FeeScale(MunicipalityType type, BigDecimal minimumFee, BigDecimal maximumFee,
                       BigDecimal foundingMemberDiscountPercent, List<FeeBand> bands) {

    public FeeScale {
        bands = List.copyOf(bands);
    }

    public Optional<FeeBand> bandFor(int population) {
        return bands.stream().filter(band -> band.contains(population)).findFirst();
    }

    /**
     * The annual fee: the band's fee; for a founding member less the founding-member discount (rounded half up to
     * cents), but never below the minimum fee nor above the maximum.
     */
    public FeeCalculation annualFee(int population, boolean foundingMember) {
        if (population < 0) {
            throw new IllegalArgumentException("population must not be negative: " + population);
        }
        FeeBand band = bandFor(population)
                .orElseThrow(() -> new IllegalStateException("no band of the " + type + " scale covers " + population));
        BigDecimal fee = band.annualFee();
        boolean discounted = foundingMember && foundingMemberDiscountPercent != null
                && foundingMemberDiscountPercent.signum() > 0;
        if (discounted) {
            BigDecimal factor = Money.HUNDRED.subtract(foundingMemberDiscountPercent);
            fee = fee.multiply(factor).divide(Money.HUNDRED, 2, RoundingMode.HALF_UP);
        }
        fee = fee.max(minimumFee).min(maximumFee);
        return new FeeCalculation(band, Money.euros(fee), discounted);
    }

    /** The result: the band that applied, the annual fee, and whether the founding-member discount was applied. */
    public record FeeCalculation(FeeBand band, BigDecimal annualFee, boolean foundingMemberDiscountApplied) {
    }
}
