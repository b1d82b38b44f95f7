package de.govtech.marketplace.listings;

/** State of one revision; SUPERSEDED is a formerly published revision replaced by a newer publication. */
public enum RevisionStatus {
    DRAFT, SUBMITTED, PUBLISHED, REJECTED, SUPERSEDED
}
