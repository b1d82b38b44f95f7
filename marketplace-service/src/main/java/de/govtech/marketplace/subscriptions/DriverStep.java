package de.govtech.marketplace.subscriptions;

/** What the provisioning worker does next for a subscription (stored, so a restart resumes it). */
public enum DriverStep {
    /** Resolve the broker's service and plan (catalog), then PUT the instance. */
    PROVISION,
    /** Poll last_operation of the provision. */
    POLL_PROVISION,
    /** Orphan mitigation: DELETE an instance whose provisioning failed. */
    ORPHAN_DELETE,
    /** Poll last_operation of the orphan DELETE. */
    POLL_ORPHAN,
    /** DELETE the instance. */
    DEPROVISION,
    /** Poll last_operation of the DELETE. */
    POLL_DEPROVISION
}
