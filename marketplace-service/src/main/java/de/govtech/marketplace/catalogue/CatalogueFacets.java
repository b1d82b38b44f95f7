package de.govtech.marketplace.catalogue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** Counts of the apps matching the current search and filters, per facet value. */
@Schema(name = "CatalogueFacets")
public record CatalogueFacets(
        @Schema(description = "apps per category") Map<String, Long> categories,
        @Schema(description = "apps per cloud target") Map<String, Long> cloudTargets,
        @Schema(description = "apps with at least one plan of the price model") Map<String, Long> priceModels,
        @Schema(description = "apps with the compliance flag set (openSource: with an open-source licence)")
        Map<String, Long> compliance) {
}
