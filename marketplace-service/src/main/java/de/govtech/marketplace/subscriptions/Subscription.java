package de.govtech.marketplace.subscriptions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A municipality's subscription to a published app, with the durable state of its provisioning: the worker drives it
 * from {@link #step}, {@link #operation}, {@link #nextAttemptAt}, {@link #attempts}, {@link #deadline} and its lease.
 */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "municipality_id", nullable = false)
    public UUID municipalityId;
    @Column(name = "listing_id", nullable = false)
    public UUID listingId;
    @Column(name = "app_slug", nullable = false)
    public String appSlug;
    @Column(nullable = false)
    public int revision;
    @Column(name = "plan_name", nullable = false)
    public String planName;
    @Column(name = "plan_id", nullable = false)
    public UUID planId;
    @Column(name = "cloud_target", nullable = false)
    public String cloudTarget;
    /** The Idempotency-Key the order came with, if any; unique per municipality. */
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubscriptionState state;
    @Enumerated(EnumType.STRING)
    public DriverStep step;
    @Column(name = "broker_service_id")
    public String brokerServiceId;
    @Column(name = "broker_plan_id")
    public String brokerPlanId;
    @Column(name = "max_polling_seconds")
    public Integer maxPollingSeconds;
    public String operation;
    @Column(name = "dashboard_url")
    public String dashboardUrl;
    @Column(name = "failure_reason")
    public String failureReason;
    @Enumerated(EnumType.STRING)
    @Column(name = "orphan_cleanup")
    public OrphanCleanup orphanCleanup;
    @Column(name = "orphan_cleanup_at")
    public Instant orphanCleanupAt;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(nullable = false)
    public int attempts;
    public Instant deadline;
    @Column(name = "lease_owner")
    public String leaseOwner;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    /** The user the broker is told caused the current operation (originating identity). */
    @Column(name = "acting_user", nullable = false)
    public String actingUser;
    @Column(name = "ordered_by", nullable = false)
    public String orderedBy;
    @Column(name = "ordered_at", nullable = false)
    public Instant orderedAt;
    @Column(name = "provisioned_at")
    public Instant provisionedAt;
    @Column(name = "deprovision_requested_at")
    public Instant deprovisionRequestedAt;
    @Column(name = "deprovision_requested_by")
    public String deprovisionRequestedBy;
    @Column(name = "deprovisioned_at")
    public Instant deprovisionedAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    /** Starts deprovisioning now on behalf of {@code actor}. */
    void requestDeprovisioning(String actor, Instant now) {
        state = SubscriptionState.DEPROVISIONING;
        step = DriverStep.DEPROVISION;
        operation = null;
        attempts = 0;
        deadline = null;
        nextAttemptAt = now;
        actingUser = actor;
        deprovisionRequestedBy = actor;
        deprovisionRequestedAt = now;
        updatedAt = now;
    }

    /** The municipality's order made with this Idempotency-Key, if any. */
    static Optional<Subscription> orderedWith(UUID municipalityId, String idempotencyKey) {
        return Subscription.<Subscription>find("municipalityId = ?1 and idempotencyKey = ?2", municipalityId, idempotencyKey)
                .firstResultOptional();
    }

    /** Whether {@code request} asks for what this subscription was ordered as (same app, plan and cloud target). */
    boolean orderedAs(SubscriptionRequest request) {
        boolean sameApp = request.appId() != null ? request.appId().equals(listingId) : appSlug.equals(request.appSlug());
        return sameApp && planName.equalsIgnoreCase(request.plan().strip()) && cloudTarget.equals(request.cloudTarget().strip());
    }
}
