package de.govtech.marketplace.listings;

/** How a plan is priced; prices are EUR amounts (BigDecimal, never floating point). */
public enum PriceModel {
    /** Kostenlos: price must be 0. */
    FREE,
    /** A flat monthly price per municipality. */
    MONTHLY_FLAT,
    /** A yearly price per inhabitant of the municipality. */
    PER_INHABITANT_PER_YEAR
}
