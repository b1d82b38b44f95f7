package de.govtech.marketplace.subscriptions;

import de.govtech.marketplace.listings.ListingRevision;
import de.govtech.marketplace.members.MemberMunicipality;
import de.govtech.marketplace.members.MemberStatus;
import de.govtech.marketplace.osb.BrokerEndpoint;
import de.govtech.marketplace.osb.OsbCatalog;
import de.govtech.platform.events.marketplace.AppDeprovisioned;
import de.govtech.platform.events.marketplace.AppProvisioned;
import de.govtech.platform.events.marketplace.ProvisioningFailed;
import de.govtech.platform.messaging.outbox.Outbox;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The worker's database side: claiming due subscriptions under a lease ({@code FOR UPDATE SKIP LOCKED}, so concurrent
 * workers never take the same row) and storing a step's result together with its event. A result is stored only while
 * the worker still holds the lease; if the lease expired and another worker took over, the stale result is dropped.
 */
@ApplicationScoped
public class ProvisioningStore {

    private final EntityManager em;
    private final Outbox outbox;

    public ProvisioningStore(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claim> claimDue(String owner, Instant now, Instant leaseUntil, int batchSize) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                        select id from subscription
                        where next_attempt_at <= :now and (lease_until is null or lease_until < :now)
                        order by next_attempt_at
                        limit :batch
                        for update skip locked""", UUID.class)
                .setParameter("now", now)
                .setParameter("batch", batchSize)
                .getResultList();
        List<Claim> claims = new ArrayList<>();
        for (UUID id : ids) {
            Subscription s = em.find(Subscription.class, id);
            s.leaseOwner = owner + "/" + UUID.randomUUID();
            s.leaseUntil = leaseUntil;
            ListingRevision revision = ListingRevision.of(s.listingId, s.revision);
            claims.add(new Claim(s.id, s.leaseOwner,
                    new ProvisioningRules.Work(s.step, s.attempts, s.deadline, s.operation, s.dashboardUrl, s.maxPollingSeconds),
                    new BrokerEndpoint(URI.create(revision.brokerUrl), revision.brokerUsername, revision.brokerPassword),
                    s.appSlug, s.planName, s.municipalityId, s.cloudTarget, s.actingUser, s.brokerServiceId, s.brokerPlanId));
        }
        return claims;
    }

    /**
     * Stores the result of one step (and its event) if the lease is still ours; {@code resolved} carries the broker's
     * service and plan when this step read the catalog. Returns false if the result was dropped.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean complete(Claim claim, ProvisioningRules.Decision decision, OsbCatalog.Resolved resolved, Instant now) {
        Subscription s = em.find(Subscription.class, claim.subscriptionId(), LockModeType.PESSIMISTIC_WRITE);
        if (s == null || !claim.leaseToken().equals(s.leaseOwner)) {
            Log.warnf("Dropping the result of step %s of subscription %s: the lease was taken over",
                    claim.work().step(), claim.subscriptionId());
            return false;
        }
        if (resolved != null) {
            s.brokerServiceId = resolved.service().id();
            s.brokerPlanId = resolved.plan().id();
            s.maxPollingSeconds = resolved.plan().maximumPollingDurationSeconds();
        }
        s.step = decision.next();
        s.nextAttemptAt = decision.nextAttemptAt();
        s.attempts = decision.attempts();
        s.deadline = decision.deadline();
        s.operation = decision.operation();
        s.dashboardUrl = decision.dashboardUrl();
        s.leaseOwner = null;
        s.leaseUntil = null;
        s.updatedAt = now;
        if (decision.reason() != null && decision.outcome() == ProvisioningRules.Outcome.CONTINUE) {
            Log.infof("Subscription %s, step %s: %s (attempt %d)", s.id, s.step, decision.reason(), s.attempts);
        }
        switch (decision.outcome()) {
            case PROVISIONED -> provisioned(s, now);
            case FAILED -> failed(s, decision, now);
            case DEPROVISIONED -> {
                s.state = SubscriptionState.DEPROVISIONED;
                s.deprovisionedAt = now;
                outbox.append(new AppDeprovisioned(s.id, s.listingId, s.municipalityId, now));
            }
            case ORPHAN_DONE -> {
                s.orphanCleanup = OrphanCleanup.DONE;
                s.orphanCleanupAt = now;
            }
            case ORPHAN_GAVE_UP -> {
                s.orphanCleanup = OrphanCleanup.GAVE_UP;
                s.orphanCleanupAt = now;
                Log.errorf("Gave up deleting the orphaned instance of subscription %s at the broker of %s: %s",
                        s.id, s.appSlug, decision.reason());
            }
            case CONTINUE -> {
            }
        }
        return true;
    }

    /** Gives a claim back unchanged (after an unexpected error), to be retried at {@code retryAt}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(Claim claim, Instant retryAt) {
        Subscription s = em.find(Subscription.class, claim.subscriptionId(), LockModeType.PESSIMISTIC_WRITE);
        if (s != null && claim.leaseToken().equals(s.leaseOwner)) {
            s.leaseOwner = null;
            s.leaseUntil = null;
            s.nextAttemptAt = retryAt;
            s.attempts = s.attempts + 1;
        }
    }

    /**
     * The instance runs. The membership may have changed meanwhile: a suspended member's subscription is SUSPENDED at
     * once, a member who left (or is unknown) has it deprovisioned right away.
     */
    private void provisioned(Subscription s, Instant now) {
        s.state = SubscriptionState.PROVISIONED;
        s.provisionedAt = now;
        s.failureReason = null;
        outbox.append(new AppProvisioned(s.id, s.listingId, s.planId, s.municipalityId, s.cloudTarget, s.dashboardUrl, now));
        MemberMunicipality member = MemberMunicipality.findById(s.municipalityId);
        MemberStatus status = member == null ? MemberStatus.LEFT : member.status;
        if (status == MemberStatus.SUSPENDED) {
            s.state = SubscriptionState.SUSPENDED;
        } else if (status == MemberStatus.LEFT) {
            s.requestDeprovisioning(MembershipRule.SYSTEM_ACTOR, now);
        }
    }

    private void failed(Subscription s, ProvisioningRules.Decision decision, Instant now) {
        s.state = SubscriptionState.FAILED;
        s.failureReason = truncate(decision.reason());
        s.orphanCleanup = decision.next() == DriverStep.ORPHAN_DELETE ? OrphanCleanup.PENDING : null;
        outbox.append(new ProvisioningFailed(s.id, s.listingId, s.planId, s.municipalityId, s.cloudTarget,
                s.failureReason, now));
    }

    private static String truncate(String reason) {
        return reason == null ? "unknown" : reason.length() > 2000 ? reason.substring(0, 2000) : reason;
    }
}
