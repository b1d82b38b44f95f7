package de.govtech.marketplace.offerings;

/** Whether a released solution is shown in the public catalogue. */
enum OfferingStatus {
    LISTED,
    RETIRED
}
