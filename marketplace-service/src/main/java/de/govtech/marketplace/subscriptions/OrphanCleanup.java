package de.govtech.marketplace.subscriptions;

/** Progress of the orphan mitigation after a failed provisioning. */
public enum OrphanCleanup {
    PENDING,
    /** The broker confirmed the instance is gone (200, or 410 Gone). */
    DONE,
    /** The broker kept refusing the DELETE; the vendor must clean up (logged). */
    GAVE_UP
}
