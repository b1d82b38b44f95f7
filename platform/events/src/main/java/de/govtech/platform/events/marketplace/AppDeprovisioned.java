package de.govtech.platform.events.marketplace;

import de.govtech.platform.events.EventPayload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A municipality's app instance was deprovisioned by the vendor's broker. Aggregate: the subscription. */
public record AppDeprovisioned(
        UUID subscriptionId,
        UUID appId,
        UUID municipalityId,
        Instant deprovisionedAt) implements EventPayload {

    public static final String TYPE = "de.govtech.marketplace.app-deprovisioned.v1";

    public AppDeprovisioned {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(municipalityId, "municipalityId");
        Objects.requireNonNull(deprovisionedAt, "deprovisionedAt");
    }

    @Override
    public String aggregateId() {
        return subscriptionId.toString();
    }
}
