package de.govtech.marketplace.listings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** State of one revision; SUPERSEDED is a formerly published revision replaced by a newer publication. */
@Schema(name = "RevisionStatus",
        description = "DRAFT, SUBMITTED, PUBLISHED, REJECTED, or SUPERSEDED by a newer publication")
public enum RevisionStatus {
    DRAFT, SUBMITTED, PUBLISHED, REJECTED, SUPERSEDED
}
