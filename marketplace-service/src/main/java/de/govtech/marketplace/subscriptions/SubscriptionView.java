package de.govtech.marketplace.subscriptions;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A subscription as its municipality and platform admins see it (never the broker endpoint). */
@Schema(name = "Subscription")
public record SubscriptionView(
        UUID id,
        UUID municipalityId,
        UUID appId,
        @Schema(examples = "buergerportal-plus") String appSlug,
        @Schema(examples = "Standard") String plan,
        @Schema(description = "stable id of the app's plan (name-based UUID of app id and plan name)") UUID planId,
        @Schema(examples = "stackit:eu01") String cloudTarget,
        SubscriptionState state,
        @Schema(description = "the instance's dashboard as reported by the broker") String dashboardUrl,
        @Schema(description = "why provisioning failed (FAILED only)") String failureReason,
        @Schema(description = "orphan mitigation after a failed provisioning: PENDING (retried until the broker confirms) or DONE") OrphanCleanup orphanCleanup,
        Instant orderedAt,
        Instant provisionedAt,
        Instant deprovisionRequestedAt,
        Instant deprovisionedAt,
        Instant updatedAt) {

    static SubscriptionView of(Subscription s) {
        return new SubscriptionView(s.id, s.municipalityId, s.listingId, s.appSlug, s.planName, s.planId, s.cloudTarget,
                s.state, s.dashboardUrl, s.failureReason, s.orphanCleanup, s.orderedAt, s.provisionedAt,
                s.deprovisionRequestedAt, s.deprovisionedAt, s.updatedAt);
    }
}
