package de.govtech.marketplace.catalogue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "CataloguePage", description = "One page of catalogue results with the total of all pages and the facet "
        + "counts of all matching apps")
public record CataloguePage(
        List<CatalogueApp> items,
        @Schema(examples = "0") int page,
        @Schema(examples = "20") int size,
        @Schema(examples = "42") long total,
        CatalogueFacets facets) {
}
