package de.govtech.learning.shared;

import jakarta.persistence.PersistenceException;

/** Recognises a unique-constraint violation (SQLState 23505) anywhere in an exception's cause chain. */
public final class Conflicts {

    private Conflicts() {
    }

    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
            if (t instanceof PersistenceException && t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
