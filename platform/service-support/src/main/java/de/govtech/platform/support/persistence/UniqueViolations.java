package de.govtech.platform.support.persistence;

import java.sql.SQLException;

/** Recognises PostgreSQL's unique violation (SQLSTATE 23505) of a named constraint anywhere in an exception's causes. */
public final class UniqueViolations {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {
    }

    /** True when {@code failure} was caused by a violation of the unique constraint or index {@code constraint}. */
    public static boolean of(Throwable failure, String constraint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                // a batched statement reports the server's error as the next exception
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains(constraint)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
