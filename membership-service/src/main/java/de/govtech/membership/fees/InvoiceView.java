package de.govtech.membership.fees;

import com.fasterxml.jackson.annotation.JsonFormat;
import de.govtech.platform.events.membership.MunicipalityType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "FeeInvoice", description = "An invoice (Beitragsrechnung) of the yearly assessment. Money is a decimal string "
        + "with two decimals.", examples = """
        {"id": "5b1e3c9a-6f0d-4c1e-9a52-0c7d9e3f1a20", "number": "GK-2026-000001", "municipalityId": "f4ec1f01-9f1c-3d34-ba99-332841cb7bcd",
         "membershipId": "0d6f5a0e-3b7c-3f43-a4c1-1e5f6c2b9d10", "year": 2026, "municipalityType": "KREISFREIE_STADT",
         "population": 130093, "populationReferenceDate": "2024-12-31", "founding": true, "band": {"from": 100000, "to": 250000, "annualFee": "12000.00"},
         "annualFee": "9600.00", "months": 12, "amount": "9600.00", "currency": "EUR", "scheduleValidFromYear": 2026,
         "scheduleVersion": "2026-example-1", "exampleSchedule": true, "state": "OPEN", "issuedOn": "2026-01-15",
         "dueOn": "2026-02-14"}""")
public record InvoiceView(
        UUID id,
        @Schema(examples = "GK-2026-000001") String number,
        UUID municipalityId,
        UUID membershipId,
        @Schema(examples = "2026") int year,
        @Schema(examples = "GEMEINDE") MunicipalityType municipalityType,
        @Schema(description = "population the fee was computed from", examples = "4711") int population,
        @Schema(description = "the date that population figure was valid at (the schedule's Stichtag); absent on invoices "
                + "issued before reference dates existed", examples = "2024-12-31") LocalDate populationReferenceDate,
        @Schema(examples = "false") boolean founding,
        @Schema(description = "the band that applied") FeeScheduleView.Band band,
        @Schema(type = SchemaType.STRING, format = "decimal", description = "annual fee after the founding-member rule (EUR)",
                examples = "500.00") @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal annualFee,
        @Schema(description = "chargeable months of membership in the year (1–12)", examples = "12") int months,
        @Schema(type = SchemaType.STRING, format = "decimal", description = "annualFee × months / 12, rounded half up to cents (EUR)",
                examples = "500.00") @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal amount,
        @Schema(examples = "EUR") String currency,
        @Schema(examples = "2026") int scheduleValidFromYear,
        @Schema(examples = "2026-example-1") String scheduleVersion,
        @Schema(examples = "true") boolean exampleSchedule,
        @Schema(description = "OVERDUE = OPEN past dueOn (computed)", examples = "OPEN") InvoiceState state,
        @Schema(examples = "2026-01-15") LocalDate issuedOn,
        @Schema(examples = "2026-02-14") LocalDate dueOn,
        LocalDate paidOn,
        Instant cancelledAt,
        String cancelReason) {

    static InvoiceView of(FeeInvoice i, LocalDate today) {
        return new InvoiceView(i.id, i.number, i.municipalityId, i.membershipId, i.year, i.municipalityType, i.population, i.populationReferenceDate,
                i.founding, new FeeScheduleView.Band(i.bandFrom, i.bandTo, i.bandFee),
                i.annualFee, i.months, i.amount, "EUR", i.scheduleYear, i.scheduleVersion, i.scheduleExample,
                InvoiceState.of(i.status, i.dueOn, today), i.issuedOn, i.dueOn, i.paidOn, i.cancelledAt, i.cancelReason);
    }
}
