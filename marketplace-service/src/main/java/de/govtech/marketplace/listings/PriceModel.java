package de.govtech.marketplace.listings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a plan is priced; prices are EUR amounts (BigDecimal, never floating point). */
@Schema(name = "PriceModel",
        description = "FREE (price 0), MONTHLY_FLAT (EUR per month and municipality) or PER_INHABITANT_PER_YEAR (EUR "
                + "per inhabitant and year)")
public enum PriceModel {
    /** Kostenlos: price must be 0. */
    FREE,
    /** A flat monthly price per municipality. */
    MONTHLY_FLAT,
    /** A yearly price per inhabitant of the municipality. */
    PER_INHABITANT_PER_YEAR
}
