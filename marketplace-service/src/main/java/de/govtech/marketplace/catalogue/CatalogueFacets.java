package de.govtech.marketplace.catalogue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** Counts of the apps matching the current search and filters, per facet value. */
@Schema(name = "CatalogueFacets", description = "Counts of the matching apps per facet value", examples = """
        {"categories": {"CITIZEN_SERVICES": 12, "ADMINISTRATION": 5, "GEO_INFORMATION": 2},
         "cloudTargets": {"stackit:eu01": 15, "ionos:de-txl": 6},
         "priceModels": {"FREE": 6, "MONTHLY_FLAT": 5, "PER_INHABITANT_PER_YEAR": 9},
         "compliance": {"hostedInGermany": 17, "bsiC5": 8, "gdprDpaAvailable": 19, "bitvAccessible": 11, "openSource": 6}}""")
public record CatalogueFacets(
        @Schema(description = "apps per category") Map<String, Long> categories,
        @Schema(description = "apps per cloud target") Map<String, Long> cloudTargets,
        @Schema(description = "apps with at least one plan of the price model") Map<String, Long> priceModels,
        @Schema(description = "apps with the compliance flag set (openSource: with an open-source licence)")
        Map<String, Long> compliance) {
}
