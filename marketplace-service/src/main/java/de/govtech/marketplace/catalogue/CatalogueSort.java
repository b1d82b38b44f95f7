package de.govtech.marketplace.catalogue;

/** Order of catalogue results. RELEVANCE without a search text falls back to NAME. */
public enum CatalogueSort {
    RELEVANCE, NAME, NEWEST
}
