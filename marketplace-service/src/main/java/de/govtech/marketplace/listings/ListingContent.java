package de.govtech.marketplace.listings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** The public content of one listing revision (what the catalogue shows). Stored as JSON with the revision. */
@Schema(name = "ListingContent", description = "The public content of a listing revision", examples = ListingContent.CONTENT_EXAMPLE)
public record ListingContent(
        @NotBlank @Size(max = 120) @Schema(examples = "Bürgerportal Plus") String name,
        @NotBlank @Size(max = 300) @Schema(examples = "Online-Anträge für Bürgerinnen und Bürger") String summary,
        @NotBlank @Size(max = 20000) @Schema(examples = "Ein Portal für Online-Anträge nach OZG, mit BundID-Anbindung.") String description,
        @NotNull ListingCategory category,
        @NotNull @Size(max = 20) List<@NotBlank @Size(max = 40) @Pattern(regexp = "[\\p{L}\\p{N}][\\p{L}\\p{N} -]*",
                message = "must be letters, digits, spaces or hyphens") String> tags,
        @NotEmpty @Size(max = 10) List<@NotNull @Valid Plan> plans,
        @NotNull @Valid Compliance compliance,
        @NotEmpty @Size(max = 20) List<@NotBlank String> cloudTargets,
        @NotNull @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https URL")
        @Schema(examples = "https://docs.example.de/buergerportal") String documentationUrl,
        @NotNull @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https URL")
        @Schema(examples = "https://support.example.de") String supportUrl) {

    /**
     * The examples' app (Bürgerportal Plus) as one content: this schema's example and the content in the examples of
     * ListingRequest and ListingRevision.
     */
    static final String CONTENT_EXAMPLE = """
            {"name": "Bürgerportal Plus", "summary": "Online-Anträge für Bürgerinnen und Bürger",
             "description": "Ein Portal für Online-Anträge nach OZG, mit BundID-Anbindung.", "category": "CITIZEN_SERVICES",
             "tags": ["OZG", "BundID"], "plans": [{"name": "Basis", "description": "Drei Verfahren", "priceModel": "FREE", "price": 0},
              {"name": "Standard", "description": "Alle Verfahren, Support werktags", "priceModel": "PER_INHABITANT_PER_YEAR", "price": 0.12}],
             "compliance": {"hostedInGermany": true, "bsiC5": true, "gdprDpaAvailable": true, "bitvAccessible": true, "openSourceLicence": "EUPL-1.2"}, "cloudTargets": ["stackit:eu01"],
             "documentationUrl": "https://docs.example.de/buergerportal", "supportUrl": "https://support.example.de"}""";

    /** A plan (Tarif) of the app. */
    @Schema(name = "ListingPlan", description = "A plan (Tarif) of the app", examples = """
            {"name": "Standard", "description": "Alle Verfahren, Support werktags", "priceModel": "PER_INHABITANT_PER_YEAR",
             "price": 0.12}""")
    public record Plan(
            @NotBlank @Size(max = 80) @Schema(examples = "Standard") String name,
            @NotBlank @Size(max = 2000) @Schema(examples = "Alle Verfahren, Support werktags") String description,
            @NotNull PriceModel priceModel,
            @NotNull @DecimalMin("0") @Digits(integer = 9, fraction = 2)
            @Schema(description = "EUR, at most 2 decimals; 0 for FREE", examples = "0.12") BigDecimal price) {
    }

    /** Compliance attributes municipalities filter by. */
    @Schema(name = "ListingCompliance", description = "Compliance attributes municipalities filter by", examples = """
            {"hostedInGermany": true, "bsiC5": true, "gdprDpaAvailable": true, "bitvAccessible": true, "openSourceLicence": "EUPL-1.2"}""")
    public record Compliance(
            @NotNull @Schema(description = "hosted in data centres in Germany") Boolean hostedInGermany,
            @NotNull @Schema(description = "BSI C5 attestation (Cloud Computing Compliance Criteria Catalogue)") Boolean bsiC5,
            @NotNull @Schema(description = "GDPR data-processing agreement (AVV) available") Boolean gdprDpaAvailable,
            @NotNull @Schema(description = "accessible per BITV 2.0") Boolean bitvAccessible,
            @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9.+-]*( (AND|OR|WITH) [A-Za-z0-9][A-Za-z0-9.+-]*)*",
                    message = "must be an SPDX licence identifier or expression")
            @Schema(description = "SPDX licence of the source code, absent if not open source", examples = "EUPL-1.2")
            String openSourceLicence) {
    }
}
