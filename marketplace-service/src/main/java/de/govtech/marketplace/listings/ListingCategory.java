package de.govtech.marketplace.listings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Catalogue categories of apps. */
@Schema(name = "ListingCategory", description = "Catalogue category of an app")
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
