package de.govtech.membership.fees;

import de.govtech.platform.events.membership.MunicipalityType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A year's fee schedule as a platform admin sends it. Shape rules (required values, no negative amounts, at most
 * two decimals) are bean validation (400); the rules across values — one scale per type, contiguous bands,
 * minimum ≤ maximum — are {@link FeeScheduleRules} (422).
 */
@Schema(name = "FeeScheduleRequest", description = "A fee schedule (Beitragsordnung) for one year: one scale per type of authority. "
        + "Money is a decimal string with at most two decimals (a JSON number is accepted too).", examples = """
        {"version": "2027-1", "example": false, "description": "Beitragsordnung 2027, beschlossen von der Mitgliederversammlung",
         "populationReferenceDate": "2025-12-31",
         "scales": [{"type": "GEMEINDE", "minimumFee": "400.00", "maximumFee": "12000.00", "foundingMemberDiscountPercent": "20.00",
                     "bands": [{"from": 0, "to": 5000, "annualFee": "500.00"}, {"from": 5000, "annualFee": "1000.00"}]}]}""")
public record FeeScheduleRequest(
        @Schema(description = "Version label of the schedule", examples = "2027-1") @NotBlank @Size(max = 40) String version,
        @Schema(description = "true for an illustrative schedule that no general assembly has adopted", examples = "false")
        @NotNull Boolean example,
        @Schema(description = "What the schedule is (say so if it is an example)",
                examples = "Beitragsordnung 2027, beschlossen von der Mitgliederversammlung")
        @NotBlank @Size(max = 1000) String description,
        @Schema(description = "Stichtag: the assessment takes each member's population figure valid at this date; before the "
                + "schedule's first day. Omitted: 31 December of the year before last (validFromYear − 2), the latest official "
                + "Destatis figure when the schedule takes effect.", examples = "2025-12-31")
        LocalDate populationReferenceDate,
        @Schema(description = "Exactly one scale for every type of authority")
        @NotNull @Size(min = 1, max = 10) List<@Valid @NotNull Scale> scales) {

    @Schema(name = "FeeScaleRequest", description = "The scale of one type of authority", examples = """
            {"type": "LANDKREIS", "minimumFee": "6000.00", "maximumFee": "15000.00",
             "bands": [{"from": 0, "to": 100000, "annualFee": "6000.00"}, {"from": 100000, "annualFee": "15000.00"}]}""")
    public record Scale(
            @Schema(examples = "GEMEINDE") @NotNull MunicipalityType type,
            @Schema(type = SchemaType.STRING, format = "decimal", description = "Lowest annual fee (EUR); bounds every band and the discounted fee",
                    examples = "400.00")
            @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal minimumFee,
            @Schema(type = SchemaType.STRING, format = "decimal", description = "Highest annual fee (EUR)", examples = "12000.00")
            @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal maximumFee,
            @Schema(type = SchemaType.STRING, format = "decimal",
                    description = "Optional founding-member rule: discount in percent (0–100) on the band's fee for founding members",
                    examples = "20.00")
            @DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2) BigDecimal foundingMemberDiscountPercent,
            @Schema(description = "Population bands in ascending order: the first from 0, each next one from the previous one's to, "
                    + "the last one open-ended (to null)")
            @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull Band> bands) {
    }

    @Schema(name = "FeeBandRequest", description = "A population band: from (inclusive) up to to (exclusive)", examples = """
            {"from": 5000, "to": 10000, "annualFee": "1000.00"}""")
    public record Band(
            @Schema(description = "lowest population of the band (inclusive)", examples = "5000")
            @NotNull @Min(0) @Max(100_000_000) Integer from,
            @Schema(description = "first population above the band (exclusive); null for the last band", examples = "10000")
            @Min(1) @Max(100_000_000) Integer to,
            @Schema(type = SchemaType.STRING, format = "decimal", description = "annual fee of the band (EUR)", examples = "1000.00")
            @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal annualFee) {
    }
}
