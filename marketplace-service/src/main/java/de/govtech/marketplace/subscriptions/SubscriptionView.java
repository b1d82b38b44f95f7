package de.govtech.marketplace.subscriptions;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A subscription as its municipality and platform admins see it (never the broker endpoint). */
@Schema(name = "Subscription", description = "A municipality's subscription to a plan of an app", examples = """
        {"id": "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b", "municipalityId": "f4ec1f01-9f1c-3d34-ba99-332841cb7bcd",
         "appId": "7a4e2c18-5b3d-4f6a-8e9c-0d1f2a3b4c5d", "appSlug": "buergerportal-plus", "plan": "Standard",
         "planId": "822f3e3b-b649-349e-8612-e0a75830ae49", "cloudTarget": "stackit:eu01", "state": "PROVISIONED",
         "dashboardUrl": "https://broker.example.de/dashboard/9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b", "orderedAt": "2026-04-01T07:45:00Z",
         "provisionedAt": "2026-04-01T07:46:12Z", "updatedAt": "2026-04-01T07:46:12Z"}""")
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
