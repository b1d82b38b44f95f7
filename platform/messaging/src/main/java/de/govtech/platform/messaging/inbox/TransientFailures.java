package de.govtech.platform.messaging.inbox;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Recognises failures that go away by themselves: the database unreachable or restarting, an exhausted pool, a
 * deadlock, a serialization failure, a lock or statement timeout, a transaction rolled back by its timeout. Only
 * used to say how a retry is logged and counted: the consumer retries every failure that is not poison.
 */
final class TransientFailures {

    /** PostgreSQL SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html) that are worth waiting out. */
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of(
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            "55P03", // lock_not_available (lock_timeout)
            "57014", // query_canceled (statement_timeout)
            "57P01", // admin_shutdown
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now (starting up)
            "25P03"  // idle_in_transaction_session_timeout
    );
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of(
            "08", // connection exception
            "53"  // insufficient resources (too many connections, out of memory, disk full)
    );

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException || t instanceof SocketException || t instanceof InterruptedIOException
                    || t instanceof jakarta.transaction.RollbackException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransient(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        if (state != null) {
            return TRANSIENT_SQL_STATES.contains(state) || (state.length() == 5 && TRANSIENT_SQL_CLASSES.contains(state.substring(0, 2)));
        }
        // Agroal reports an exhausted pool without a SQLSTATE
        String message = e.getMessage();
        return message != null && message.startsWith("Acquisition timeout");
    }
}
