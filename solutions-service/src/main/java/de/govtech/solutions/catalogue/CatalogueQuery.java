package de.govtech.solutions.catalogue;

/** Criteria of a reuse catalogue search; null means "any". */
public record CatalogueQuery(String text, String category, String licence, String developmentStatus) {
}
