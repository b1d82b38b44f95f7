package de.govtech.marketplace.catalogue;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Two real transactions raced against each other in a fixed order of steps: the second runs a step on its own thread
 * and the first goes on once that step is done or waits on a lock in PostgreSQL (then it is known to wait for the
 * first, which must not wait for it in turn).
 */
final class TransactionRace {

    private final AgroalDataSource dataSource;

    TransactionRace(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A connection in a transaction of its own (auto-commit off). */
    Connection transaction() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    static int backendPid(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_backend_pid()");
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    /** Until {@code done} is counted down or the backend {@code pid} waits on a lock; fails after 30 s. */
    void awaitDoneOrWaitingOnALock(CountDownLatch done, int pid) throws SQLException, InterruptedException {
        try (Connection observer = dataSource.getConnection();
             PreparedStatement waiting = observer.prepareStatement(
                     "select count(*) from pg_stat_activity where pid = ? and wait_event_type = 'Lock'")) {
            waiting.setInt(1, pid);
            for (int attempt = 0; attempt < 1_500; attempt++) {
                if (done.await(20, TimeUnit.MILLISECONDS)) {
                    return;
                }
                try (ResultSet row = waiting.executeQuery()) {
                    row.next();
                    if (row.getInt(1) == 1) {
                        return;
                    }
                }
            }
        }
        throw new AssertionError("the second transaction neither finished its step nor waited on a lock within 30 s");
    }
}
