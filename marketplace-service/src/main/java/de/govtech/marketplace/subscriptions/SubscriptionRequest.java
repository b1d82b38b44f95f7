package de.govtech.marketplace.subscriptions;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** An order: the app (by slug or id), one of its plans and one of its cloud targets. */
@Schema(name = "SubscriptionRequest", description = "An order of a plan of an app on one of its cloud targets", examples = """
        {"appSlug": "buergerportal-plus", "plan": "Standard", "cloudTarget": "stackit:eu01"}""")
public record SubscriptionRequest(
        @Size(max = 80) @Schema(description = "the app's slug; give this or appId", examples = "buergerportal-plus") String appSlug,
        @Schema(description = "the app's (listing's) id; give this or appSlug") UUID appId,
        @NotBlank @Size(max = 80) @Schema(description = "a plan of the published app (name, case-insensitive)", examples = "Standard") String plan,
        @NotBlank @Size(max = 100) @Schema(description = "a cloud target the app offers (provider:region)", examples = "stackit:eu01") String cloudTarget) {
}
