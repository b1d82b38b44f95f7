package de.govtech.marketplace.listings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * State of a listing as a whole: DRAFT → SUBMITTED → PUBLISHED | REJECTED, PUBLISHED → DELISTED. Once published, a
 * listing stays PUBLISHED while a newer revision is edited or reviewed (see its pending revision).
 */
@Schema(name = "ListingStatus", description = "DRAFT → SUBMITTED → PUBLISHED or REJECTED; PUBLISHED → DELISTED")
public enum ListingStatus {
    DRAFT, SUBMITTED, PUBLISHED, REJECTED, DELISTED
}
