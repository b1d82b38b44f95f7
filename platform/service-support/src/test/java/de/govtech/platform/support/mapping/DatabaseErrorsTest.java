package de.govtech.platform.support.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class DatabaseErrorsTest {

    @Test
    void inputTheDatabaseRefusesIsTheCallersFault() {
        assertEquals(400, DatabaseErrors.toProblem(wrapped("22001")).status());
        assertEquals(400, DatabaseErrors.toProblem(wrapped("22003")).status());
        assertEquals(400, DatabaseErrors.toProblem(wrapped("22021")).status());
    }

    @Test
    void anUnanticipatedRaceIsAConflict() {
        assertEquals(409, DatabaseErrors.toProblem(wrapped("23505")).status());
        SQLException batch = new SQLException("Batch entry 0 failed", "08000");
        batch.setNextException(new SQLException("duplicate key", "23505"));
        assertEquals(409, DatabaseErrors.toProblem(new IllegalStateException(batch)).status());
    }

    @Test
    void aConcurrentChangeIsAConflictToRetry() {
        assertEquals(409, DatabaseErrors.toProblem(wrapped("40001")).status());
        assertEquals(409, DatabaseErrors.toProblem(wrapped("40P01")).status());
        assertEquals(409, DatabaseErrors.toProblem(new RuntimeException(new jakarta.persistence.OptimisticLockException("stale"))).status());
    }

    @Test
    void aDatabaseOutOfReachIsUnavailableForAMoment() {
        assertEquals(503, DatabaseErrors.toProblem(wrapped("08006")).status());
        assertEquals(503, DatabaseErrors.toProblem(wrapped("08001")).status());
        assertEquals(503, DatabaseErrors.toProblem(
                new IllegalStateException(new SQLException("Sorry, acquisition timeout!"))).status());
    }

    @Test
    void everythingElseStaysAServerError() {
        assertNull(DatabaseErrors.toProblem(wrapped("XX000")));
        assertNull(DatabaseErrors.toProblem(new IllegalStateException(new SQLException("no state, no pool"))));
        assertNull(DatabaseErrors.toProblem(new IllegalStateException("no SQL at all")));
    }

    private static Throwable wrapped(String sqlState) {
        return new RuntimeException("could not execute statement", new SQLException("ERROR", sqlState));
    }
}
