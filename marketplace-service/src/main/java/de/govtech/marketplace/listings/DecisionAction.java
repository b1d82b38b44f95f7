package de.govtech.marketplace.listings;

/** What happened to a listing revision, recorded in its history. */
public enum DecisionAction {
    CREATED, UPDATED, SUBMITTED, PUBLISHED, REJECTED, DELISTED
}
