package de.govtech.platform.events.marketplace;

import de.govtech.platform.events.EventPayload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A vendor's app (or a new revision of it) is listed in the catalogue. Aggregate: the app.
 *
 * @param slug     URL-friendly unique name of the app
 * @param revision listing revision, starting at 1 and increasing with each publication
 */
public record AppPublished(
        UUID appId,
        UUID vendorId,
        String slug,
        String name,
        int revision,
        Instant publishedAt) implements EventPayload {

    public static final String TYPE = "de.govtech.marketplace.app-published.v1";

    public AppPublished {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(vendorId, "vendorId");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(publishedAt, "publishedAt");
    }

    @Override
    public String aggregateId() {
        return appId.toString();
    }
}
