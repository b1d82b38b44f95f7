package de.govtech.marketplace.subscriptions;

/** Progress of the orphan mitigation after a failed provisioning. */
public enum OrphanCleanup {
    /** The DELETE is sent (again, with capped back-off) until the broker confirms. */
    PENDING,
    /** The broker confirmed the instance is gone (200, or 410 Gone). */
    DONE
}
