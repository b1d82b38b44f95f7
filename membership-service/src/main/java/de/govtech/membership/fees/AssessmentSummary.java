package de.govtech.membership.fees;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(name = "FeeAssessment", description = "The invoices of one year's assessment, counted by state", examples = """
        {"year": 2026, "invoices": 13, "open": 10, "overdue": 1, "paid": 2, "cancelled": 0,
         "totalAmount": "61200.00", "paidAmount": "9600.00", "currency": "EUR"}""")
public record AssessmentSummary(
        @Schema(examples = "2026") int year,
        @Schema(examples = "13") long invoices,
        @Schema(examples = "10") long open,
        @Schema(examples = "1") long overdue,
        @Schema(examples = "2") long paid,
        @Schema(examples = "0") long cancelled,
        @Schema(type = SchemaType.STRING, format = "decimal", description = "sum of all invoices that are not cancelled (EUR)",
                examples = "61200.00") @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal totalAmount,
        @Schema(type = SchemaType.STRING, format = "decimal", description = "sum of the paid invoices (EUR)", examples = "9600.00")
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal paidAmount,
        @Schema(examples = "EUR") String currency) {
}
