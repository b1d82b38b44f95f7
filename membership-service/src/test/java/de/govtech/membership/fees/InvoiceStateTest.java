package de.govtech.membership.fees;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InvoiceStateTest {

    private static final LocalDate DUE = LocalDate.parse("2026-02-14");

    @Test
    void anOpenInvoiceIsOverdueFromTheDayAfterItsDueDate() {
        assertEquals(InvoiceState.OPEN, InvoiceState.of(FeeInvoice.StoredStatus.OPEN, DUE, DUE.minusDays(1)));
        assertEquals(InvoiceState.OPEN, InvoiceState.of(FeeInvoice.StoredStatus.OPEN, DUE, DUE));
        assertEquals(InvoiceState.OVERDUE, InvoiceState.of(FeeInvoice.StoredStatus.OPEN, DUE, DUE.plusDays(1)));
    }

    @Test
    void paidAndCancelledInvoicesAreNeverOverdue() {
        assertEquals(InvoiceState.PAID, InvoiceState.of(FeeInvoice.StoredStatus.PAID, DUE, DUE.plusYears(1)));
        assertEquals(InvoiceState.CANCELLED, InvoiceState.of(FeeInvoice.StoredStatus.CANCELLED, DUE, DUE.plusYears(1)));
    }
}
