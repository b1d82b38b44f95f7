package de.govtech.marketplace.listings;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlugConstraintTest {

    private static final String DUPLICATE_SLUG =
            "ERROR: duplicate key value violates unique constraint \"listing_slug_key\"\n  Detail: Key (slug)=(x) already exists.";

    @Test
    void aUniqueViolationOfTheSlugConstraintAnywhereInTheCausesIsRecognised() {
        assertTrue(SlugConstraint.violatedBy(new PersistenceException("flush failed",
                new RuntimeException("wrapped", new SQLException(DUPLICATE_SLUG, "23505")))));
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "23505", new int[0]);
        batch.setNextException(new SQLException(DUPLICATE_SLUG, "23505"));
        assertTrue(SlugConstraint.violatedBy(new PersistenceException(batch)));
    }

    @Test
    void otherFailuresAreNotASlugConflict() {
        assertFalse(SlugConstraint.violatedBy(new PersistenceException("x",
                new SQLException("ERROR: duplicate key value violates unique constraint \"listing_pkey\"", "23505"))));
        assertFalse(SlugConstraint.violatedBy(new PersistenceException("x",
                new SQLException("ERROR: listing_slug_key: value too long", "22001"))));
        assertFalse(SlugConstraint.violatedBy(new IllegalStateException("no SQL at all")));
    }
}
