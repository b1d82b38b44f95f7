package de.govtech.membership.fees;

import java.time.LocalDate;

/**
 * The state of an invoice as clients see it. OVERDUE is not stored: an OPEN invoice is OVERDUE from the day after
 * its due date, computed on every read, so no job has to run for it to be right.
 */
public enum InvoiceState {
    OPEN, OVERDUE, PAID, CANCELLED;

    public static InvoiceState of(FeeInvoice.StoredStatus status, LocalDate dueOn, LocalDate today) {
        return switch (status) {
            case PAID -> PAID;
            case CANCELLED -> CANCELLED;
            case OPEN -> today.isAfter(dueOn) ? OVERDUE : OPEN;
        };
    }
}
