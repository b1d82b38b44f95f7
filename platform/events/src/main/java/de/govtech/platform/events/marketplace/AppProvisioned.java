package de.govtech.platform.events.marketplace;

import de.govtech.platform.events.EventPayload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The vendor's broker finished provisioning an app for a municipality (Open Service Broker: last operation
 * succeeded). Aggregate: the subscription.
 *
 * @param cloudTarget  the multi-cloud target the instance runs on
 * @param dashboardUrl the instance's dashboard as reported by the broker, {@code null} if it has none
 */
public record AppProvisioned(
        UUID subscriptionId,
        UUID appId,
        UUID planId,
        UUID municipalityId,
        String cloudTarget,
        String dashboardUrl,
        Instant provisionedAt) implements EventPayload {

    public static final String TYPE = "de.govtech.marketplace.app-provisioned.v1";

    public AppProvisioned {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(municipalityId, "municipalityId");
        Objects.requireNonNull(cloudTarget, "cloudTarget");
        Objects.requireNonNull(provisionedAt, "provisionedAt");
    }

    @Override
    public String aggregateId() {
        return subscriptionId.toString();
    }
}
