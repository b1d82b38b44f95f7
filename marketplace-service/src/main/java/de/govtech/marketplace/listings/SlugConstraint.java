package de.govtech.marketplace.listings;

import de.govtech.platform.support.persistence.UniqueViolations;

/** Recognises a violation of the unique constraint on {@code listing.slug} in an exception's causes. */
final class SlugConstraint {

    /** PostgreSQL's name of {@code listing.slug ... unique} (V3). */
    static final String NAME = "listing_slug_key";

    private SlugConstraint() {
    }

    static boolean violatedBy(Throwable failure) {
        return UniqueViolations.of(failure, NAME);
    }
}
