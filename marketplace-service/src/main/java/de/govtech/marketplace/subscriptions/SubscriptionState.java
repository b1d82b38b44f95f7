package de.govtech.marketplace.subscriptions;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The state of a subscription as municipalities see it. */
@Schema(name = "SubscriptionState",
        description = "PROVISIONING, PROVISIONED, SUSPENDED (membership suspended), FAILED (final), DEPROVISIONING, "
                + "DEPROVISIONED (final)")
public enum SubscriptionState {
    /** Ordered; the broker is creating the instance. */
    PROVISIONING,
    /** The instance runs. */
    PROVISIONED,
    /** The instance runs, but the municipality's membership is suspended (OSB has no suspend; nothing is sent). */
    SUSPENDED,
    /** Provisioning failed; a possibly half-created instance is deleted (orphan clean-up). Final. */
    FAILED,
    /** The broker is deleting the instance. */
    DEPROVISIONING,
    /** The instance is gone. Final. */
    DEPROVISIONED
}
