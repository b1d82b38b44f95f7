package de.govtech.platform.events.marketplace;

import de.govtech.platform.events.EventPayload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Provisioning an app for a municipality failed (broker error, timeout, or last operation failed).
 * Aggregate: the subscription.
 *
 * @param reason what went wrong, as far as the broker or the marketplace could tell
 */
public record ProvisioningFailed(
        UUID subscriptionId,
        UUID appId,
        UUID planId,
        UUID municipalityId,
        String cloudTarget,
        String reason,
        Instant failedAt) implements EventPayload {

    public static final String TYPE = "de.govtech.marketplace.provisioning-failed.v1";

    public ProvisioningFailed {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(municipalityId, "municipalityId");
        Objects.requireNonNull(cloudTarget, "cloudTarget");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(failedAt, "failedAt");
    }

    @Override
    public String aggregateId() {
        return subscriptionId.toString();
    }
}
