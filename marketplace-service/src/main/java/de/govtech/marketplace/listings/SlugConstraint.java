package de.govtech.marketplace.listings;

import java.sql.SQLException;

/** Recognises a violation of the unique constraint on {@code listing.slug} in an exception's causes (plain Java). */
final class SlugConstraint {

    /** PostgreSQL's name of {@code listing.slug ... unique} (V3). */
    static final String NAME = "listing_slug_key";
    private static final String UNIQUE_VIOLATION = "23505";

    private SlugConstraint() {
    }

    static boolean violatedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                // a batched statement reports the server's error as the next exception
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains(NAME)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
