package de.govtech.membership.fees;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * The state of an invoice as clients see it. OVERDUE is not stored: an OPEN invoice is OVERDUE from the day after
 * its due date, computed on every read, so no job has to run for it to be right.
 */
@Schema(name = "InvoiceState", description = "OPEN, OVERDUE (open after its due date), PAID or CANCELLED")
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
