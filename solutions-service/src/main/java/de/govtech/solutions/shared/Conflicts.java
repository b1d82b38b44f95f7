package de.govtech.solutions.shared;

/** Recognises a unique-constraint violation (SQLState 23505) in an exception's cause chain. */
public final class Conflicts {

    private Conflicts() {
    }

    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
