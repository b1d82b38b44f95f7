package de.govtech.membership.fees;

import com.fasterxml.jackson.annotation.JsonFormat;
import de.govtech.platform.events.membership.MunicipalityType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Schema(name = "FeeSchedule", description = "A fee schedule (Beitragsordnung), valid from 1 January of validFromYear until the next "
        + "schedule's year. Money is a decimal string with two decimals.", examples = """
        {"validFromYear": 2026, "version": "2026-example-1", "example": true, "description": "BEISPIEL / EXAMPLE: illustrative amounts only",
         "populationReferenceDate": "2024-12-31", "updatedAt": "2026-01-01T00:00:00Z", "updatedBy": "seed",
         "scales": [{"type": "GEMEINDE", "minimumFee": "400.00", "maximumFee": "12000.00", "foundingMemberDiscountPercent": "20.00",
                     "bands": [{"from": 0, "to": 5000, "annualFee": "500.00"}, {"from": 100000, "annualFee": "12000.00"}]}]}""")
public record FeeScheduleView(
        @Schema(examples = "2026") int validFromYear,
        @Schema(examples = "2026-example-1") String version,
        @Schema(description = "true: an illustrative schedule no general assembly adopted", examples = "true") boolean example,
        @Schema(examples = "BEISPIEL / EXAMPLE: illustrative amounts only") String description,
        @Schema(description = "Stichtag: the assessment uses each member's population figure valid at this date",
                examples = "2024-12-31") LocalDate populationReferenceDate,
        @Schema(examples = "2026-01-01T00:00:00Z") Instant updatedAt,
        @Schema(description = "token subject of the admin who stored it", examples = "seed") String updatedBy,
        List<Scale> scales) {

    @Schema(name = "FeeScale", description = "The scale of one type of authority", examples = """
            {"type": "LANDKREIS", "minimumFee": "5000.00", "maximumFee": "15000.00", "foundingMemberDiscountPercent": "20.00",
             "bands": [{"from": 0, "to": 100000, "annualFee": "6000.00"}, {"from": 300000, "annualFee": "15000.00"}]}""")
    public record Scale(
            @Schema(examples = "GEMEINDE") MunicipalityType type,
            @Schema(type = SchemaType.STRING, format = "decimal", examples = "400.00") @JsonFormat(shape = JsonFormat.Shape.STRING)
            BigDecimal minimumFee,
            @Schema(type = SchemaType.STRING, format = "decimal", examples = "12000.00") @JsonFormat(shape = JsonFormat.Shape.STRING)
            BigDecimal maximumFee,
            @Schema(type = SchemaType.STRING, format = "decimal", description = "founding-member discount in percent; absent: none",
                    examples = "20.00") @JsonFormat(shape = JsonFormat.Shape.STRING)
            BigDecimal foundingMemberDiscountPercent,
            List<Band> bands) {

        static Scale of(FeeScale scale) {
            return new Scale(scale.type(), scale.minimumFee(), scale.maximumFee(), scale.foundingMemberDiscountPercent(),
                    scale.bands().stream().map(Band::of).toList());
        }
    }

    @Schema(name = "FeeBand", description = "A population band: from (inclusive) up to to (exclusive; absent = no upper end)",
            examples = """
            {"from": 5000, "to": 10000, "annualFee": "1000.00"}""")
    public record Band(
            @Schema(examples = "5000") int from,
            @Schema(examples = "10000") Integer to,
            @Schema(type = SchemaType.STRING, format = "decimal", examples = "1000.00") @JsonFormat(shape = JsonFormat.Shape.STRING)
            BigDecimal annualFee) {

        static Band of(FeeBand band) {
            return new Band(band.fromPopulation(), band.toPopulation(), band.annualFee());
        }
    }

    static FeeScheduleView of(FeeSchedule schedule, Instant updatedAt, String updatedBy) {
        return new FeeScheduleView(schedule.validFromYear(), schedule.version(), schedule.example(), schedule.description(),
                schedule.populationReferenceDate(), updatedAt, updatedBy, schedule.scales().stream().map(Scale::of).toList());
    }
}
