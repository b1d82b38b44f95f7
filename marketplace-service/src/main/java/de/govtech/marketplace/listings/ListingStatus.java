package de.govtech.marketplace.listings;

/**
 * State of a listing as a whole: DRAFT → SUBMITTED → PUBLISHED | REJECTED, PUBLISHED → DELISTED. Once published, a
 * listing stays PUBLISHED while a newer revision is edited or reviewed (see its pending revision).
 */
public enum ListingStatus {
    DRAFT, SUBMITTED, PUBLISHED, REJECTED, DELISTED
}
