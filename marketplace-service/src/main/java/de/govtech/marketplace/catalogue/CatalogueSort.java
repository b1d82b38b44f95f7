package de.govtech.marketplace.catalogue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Order of catalogue results. RELEVANCE without a search text falls back to NAME. */
@Schema(name = "CatalogueSort", description = "RELEVANCE (falls back to NAME without a search text), NAME or NEWEST")
public enum CatalogueSort {
    RELEVANCE, NAME, NEWEST
}
