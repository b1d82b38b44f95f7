package de.govtech.membership.fees;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** Request bodies of the invoice operations. */
public final class InvoiceRequests {

    private InvoiceRequests() {
    }

    @Schema(name = "FeeInvoicePayment", description = "Payment received; the body is optional (paidOn defaults to today)", examples = """
            {"paidOn": "2026-02-03"}""")
    public record Payment(@Schema(description = "day the payment arrived; not in the future, not before the invoice was issued",
            examples = "2026-02-03") LocalDate paidOn) {
    }

    @Schema(name = "FeeInvoiceCancellation", description = "Why the invoice is cancelled (required)", examples = """
            {"reason": "Einwohnerzahl falsch erfasst"}""")
    public record Cancellation(@Schema(examples = "Einwohnerzahl falsch erfasst") @NotBlank @Size(max = 1000) String reason) {
    }
}
