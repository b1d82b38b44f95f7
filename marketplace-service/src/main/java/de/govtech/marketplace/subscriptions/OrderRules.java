package de.govtech.marketplace.subscriptions;

import de.govtech.marketplace.listings.ListingContent;
import de.govtech.marketplace.members.MemberStatus;
import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.ProblemType;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Who may order what: an ACTIVE member, a plan and a cloud target of the app's published revision. */
public final class OrderRules {

    private OrderRules() {
    }

    /** 403 unless the municipality is an ACTIVE member (status null = never a member). */
    public static void requireActiveMember(MemberStatus status) {
        if (status == MemberStatus.SUSPENDED) {
            throw new DomainProblemException(SubscriptionProblems.MEMBER_SUSPENDED,
                    "The municipality's membership is suspended; it cannot order apps until it is reinstated");
        }
        if (status != MemberStatus.ACTIVE) {
            throw new DomainProblemException(SubscriptionProblems.MEMBERSHIP_REQUIRED,
                    "Only member municipalities of the association may order apps without a tender");
        }
    }

    /** Exactly one of appSlug and appId names the app. */
    public static void requireAppReference(SubscriptionRequest request) {
        if (request.appSlug() == null && request.appId() == null) {
            throw new DomainProblemException(ProblemType.VALIDATION_FAILED, "appSlug or appId is required", "appSlug");
        }
        if (request.appSlug() != null && request.appSlug().isBlank()) {
            throw new DomainProblemException(ProblemType.VALIDATION_FAILED, "must not be blank", "appSlug");
        }
    }

    /** The published plan with this name (case-insensitive); 422 naming {@code plan} otherwise. */
    public static ListingContent.Plan plan(ListingContent content, String name) {
        return content.plans().stream()
                .filter(p -> p.name().equalsIgnoreCase(name.trim()))
                .findFirst()
                .orElseThrow(() -> DomainProblemException.unprocessable(
                        "The app has no plan named '" + name + "'", "plan"));
    }

    /** 422 naming {@code cloudTarget} unless the published revision offers it. */
    public static String cloudTarget(ListingContent content, String cloudTarget) {
        String target = cloudTarget.trim();
        if (!content.cloudTargets().contains(target)) {
            throw DomainProblemException.unprocessable("The app is not offered on cloud target '" + cloudTarget + "'",
                    "cloudTarget");
        }
        return target;
    }

    /** Listing plans have no ids of their own; events carry a stable name-based UUID of app and plan name. */
    public static UUID planId(UUID appId, String planName) {
        return UUID.nameUUIDFromBytes((appId + "/" + planName.toLowerCase(java.util.Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8));
    }
}
