package de.govtech.platform.events.marketplace;

import de.govtech.platform.events.EventPayload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An app was removed from the catalogue; existing subscriptions are not affected by this event. Aggregate: the app. */
public record AppDelisted(
        UUID appId,
        UUID vendorId,
        String reason,
        Instant delistedAt) implements EventPayload {

    public static final String TYPE = "de.govtech.marketplace.app-delisted.v1";

    public AppDelisted {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(vendorId, "vendorId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(delistedAt, "delistedAt");
    }

    @Override
    public String aggregateId() {
        return appId.toString();
    }
}
