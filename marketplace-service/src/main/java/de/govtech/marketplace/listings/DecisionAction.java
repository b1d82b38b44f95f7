package de.govtech.marketplace.listings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What happened to a listing revision, recorded in its history. */
@Schema(name = "ListingDecisionAction",
        description = "What happened to a listing revision: CREATED, UPDATED, SUBMITTED, PUBLISHED, REJECTED, DELISTED")
public enum DecisionAction {
    CREATED, UPDATED, SUBMITTED, PUBLISHED, REJECTED, DELISTED
}
