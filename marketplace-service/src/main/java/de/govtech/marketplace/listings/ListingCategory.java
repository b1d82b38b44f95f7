package de.govtech.marketplace.listings;

/** Catalogue categories of apps. */
public enum ListingCategory {
    CITIZEN_SERVICES,
    ADMINISTRATION,
    COLLABORATION,
    DATA_AND_ANALYTICS,
    GEO_INFORMATION,
    SECURITY,
    EDUCATION,
    INFRASTRUCTURE,
    FINANCE,
    OTHER
}
