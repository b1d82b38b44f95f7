package de.govtech.membership.fees;

import java.math.BigDecimal;

/**
 * One population band of a scale: populations from {@code fromPopulation} (inclusive) up to
 * {@code toPopulation} (exclusive) pay {@code annualFee}; {@code toPopulation == null} means no upper end.
 */
public record FeeBand(int fromPopulation, Integer toPopulation, BigDecimal annualFee) {

    public boolean contains(int population) {
        return population >= fromPopulation && (toPopulation == null || population < toPopulation);
    }
}
