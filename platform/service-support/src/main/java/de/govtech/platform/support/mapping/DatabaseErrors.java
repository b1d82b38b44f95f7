package de.govtech.platform.support.mapping;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import de.govtech.platform.support.problem.Problem;
import de.govtech.platform.support.problem.ProblemType;

/**
 * The last line of defence for input PostgreSQL refuses although a service's own validation let it through (a value
 * longer than its column, a number out of range, a character the database cannot store) and for races the service
 * did not anticipate (a unique or foreign key violation, a serialization failure, a deadlock, a lost optimistic
 * lock): the caller's request, or a conflict to retry, not a server error. A database that is briefly out of reach
 * (connection lost or refused, no pooled connection within the acquisition timeout) is a 503 to retry. Services still
 * validate first, so that the problem names the field.
 */
final class DatabaseErrors {

    private static final Problem CONCURRENT_CHANGE =
            Problem.of(ProblemType.CONFLICT, "The data was changed concurrently; reload and retry.");

    static final Problem DATABASE_UNAVAILABLE =
            Problem.of(ProblemType.SERVICE_UNAVAILABLE, "The database is briefly unavailable; retry in a few seconds.");

    private static final Map<String, Problem> BY_SQL_STATE = Map.of(
            "22001", Problem.of(ProblemType.VALIDATION_FAILED, "A value is longer than allowed."),
            "22003", Problem.of(ProblemType.VALIDATION_FAILED, "A number is out of the allowed range."),
            "22021", Problem.of(ProblemType.VALIDATION_FAILED, "A value contains a character that cannot be stored."),
            "22P05", Problem.of(ProblemType.VALIDATION_FAILED, "A value contains a character that cannot be stored."),
            "23505", Problem.of(ProblemType.CONFLICT, "The request conflicts with data stored meanwhile; reload and retry."),
            "23503", Problem.of(ProblemType.CONFLICT, "The request refers to data that does not exist (any more)."),
            "40001", CONCURRENT_CHANGE,
            "40P01", CONCURRENT_CHANGE,
            "55P03", CONCURRENT_CHANGE);

    /** Optimistic locking of JPA and Hibernate, named so that this library needs neither. */
    private static final Set<String> STALE_STATE = Set.of("jakarta.persistence.OptimisticLockException",
            "org.hibernate.StaleStateException", "org.hibernate.StaleObjectStateException",
            "org.hibernate.dialect.lock.OptimisticEntityLockException");

    private DatabaseErrors() {
    }

    private static boolean isStaleState(Class<?> type) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            if (STALE_STATE.contains(current.getName())) {
                return true;
            }
        }
        return false;
    }

    /** The problem for a database refusal somewhere in {@code failure}'s causes; null when there is none. */
    static Problem toProblem(Throwable failure) {
        boolean unavailable = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isStaleState(cause.getClass())) {
                return CONCURRENT_CHANGE;
            }
            if (cause instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    String state = e.getSQLState();
                    if (state == null) {
                        unavailable |= isPoolTimeout(e);
                        continue;
                    }
                    unavailable |= state.startsWith("08");
                    Problem problem = BY_SQL_STATE.get(state);
                    if (problem != null) {
                        return problem;
                    }
                }
            }
        }
        return unavailable ? DATABASE_UNAVAILABLE : null;
    }

    /** The connection pool (Agroal) gives no SQL state when no connection came within its acquisition timeout. */
    private static boolean isPoolTimeout(SQLException e) {
        return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
