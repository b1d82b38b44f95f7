package de.govtech.membership.fees;

import com.fasterxml.jackson.annotation.JsonFormat;
import de.govtech.platform.events.membership.MunicipalityType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(name = "FeeQuote", description = "The annual membership fee a municipality of this type and population would pay", examples = """
        {"type": "GEMEINDE", "population": 4711, "year": 2026, "annualFee": "500.00", "currency": "EUR",
         "band": {"from": 0, "to": 5000, "annualFee": "500.00"}, "scheduleValidFromYear": 2026,
         "scheduleVersion": "2026-example-1", "exampleSchedule": true}""")
public record FeeQuote(
        @Schema(examples = "GEMEINDE") MunicipalityType type,
        @Schema(examples = "4711") int population,
        @Schema(description = "the year quoted for", examples = "2026") int year,
        @Schema(type = SchemaType.STRING, format = "decimal", description = "annual fee in EUR for a full year of membership "
                + "(not a founding member)", examples = "500.00") @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal annualFee,
        @Schema(examples = "EUR") String currency,
        @Schema(description = "the band that applied") FeeScheduleView.Band band,
        @Schema(description = "the schedule that applied: the latest one valid from this year or earlier", examples = "2026")
        int scheduleValidFromYear,
        @Schema(examples = "2026-example-1") String scheduleVersion,
        @Schema(description = "true: the schedule is an illustrative example, not an adopted Beitragsordnung", examples = "true")
        boolean exampleSchedule) {
}
