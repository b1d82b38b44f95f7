package de.govtech.marketplace.subscriptions;

import de.govtech.platform.support.problem.ProblemType;

/** Problem types of the subscription feature. */
public final class SubscriptionProblems {

    /** Only members may order: membership in the in-house capable association is the legal basis (no tender). */
    public static final ProblemType MEMBERSHIP_REQUIRED = ProblemType.of("membership-required",
            "Membership in the association is required (legal basis of in-house procurement)", 403);
    public static final ProblemType MEMBER_SUSPENDED = ProblemType.of("member-suspended",
            "The membership is suspended; new orders need an active membership (in-house procurement)", 403);
    public static final ProblemType NOT_DEPROVISIONABLE = ProblemType.of("subscription-not-deprovisionable",
            "Only a provisioned or suspended subscription can be deprovisioned", 409);

    /** The same Idempotency-Key was sent before with a different order (IETF draft idempotency-key-header: 422). */
    public static final ProblemType IDEMPOTENCY_KEY_REUSED = ProblemType.of("idempotency-key-reused",
            "This Idempotency-Key was used for a different order", 422);

    private SubscriptionProblems() {
    }
}
