package de.govtech.marketplace.listings;

import de.govtech.platform.support.problem.ProblemType;

/** Problem types of the listing feature. */
public final class ListingProblems {

    public static final ProblemType SLUG_TAKEN = ProblemType.of("slug-taken", "Another listing has this slug", 409);

    private ListingProblems() {
    }
}
