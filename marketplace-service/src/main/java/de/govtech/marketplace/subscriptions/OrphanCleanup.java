package de.govtech.marketplace.subscriptions;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Progress of the orphan mitigation after a failed provisioning. */
@Schema(name = "OrphanCleanup",
        description = "Clean-up of a possibly half-created instance after a failed provisioning: PENDING until the "
                + "broker confirms, then DONE")
public enum OrphanCleanup {
    /** The DELETE is sent (again, with capped back-off) until the broker confirms. */
    PENDING,
    /** The broker confirmed the instance is gone (200, or 410 Gone). */
    DONE
}
