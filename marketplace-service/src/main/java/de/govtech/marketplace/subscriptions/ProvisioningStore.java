package de.govtech.marketplace.subscriptions;

import de.govtech.marketplace.osb.PasswordCipher;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The worker's database side: claiming due subscriptions under a lease ({@code FOR UPDATE SKIP LOCKED}, so concurrent
 * workers never take the same row), renewing the lease before each broker call and storing a step's result together
 * with its event. Lease times come from the database clock ({@code clock_timestamp()}), never from a JVM, so instances
 * with skewed clocks agree on whose lease is valid. A result is stored only while the worker still holds an unexpired
 * lease; otherwise it is dropped.
 */
@ApplicationScoped
public class ProvisioningStore {

    private final EntityManager em;
    private final PasswordCipher passwords;
    private final Outbox outbox;

    public ProvisioningStore(EntityManager em, Outbox outbox, PasswordCipher passwords) {
        this.passwords = passwords;
        this.em = em;
        this.outbox = outbox;
    }

    /** Claims due subscriptions of any broker, as many per broker as are due (a second worker in tests). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claim> claimDue(String owner, Duration lease, int batchSize) {
        return claimDue(owner, lease, batchSize, Integer.MAX_VALUE, Set.of());
    }

    /**
     * Claims at most {@code batchSize} due subscriptions, at most {@code perBroker} of one broker (by URL) and none of
     * {@code skipBrokers} (those without a free slot). The claim is fair: every broker's longest-waiting step comes
     * before any broker's second one (its turn), and within a turn first attempts come before retries — so a dead
     * broker's endless retries, however long overdue, neither crowd out healthy brokers' work nor fresh orders. Within
     * that, the longest overdue first.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claim> claimDue(String owner, Duration lease, int batchSize, int perBroker, Set<String> skipBrokers) {
        var query = em.createNativeQuery("""
                        select s.id from subscription s
                        join (select c.id, row_number() over (partition by r.broker_url
                                                             order by c.next_attempt_at, c.id) as turn
                              from subscription c
                              join listing_revision r on r.listing_id = c.listing_id and r.revision = c.revision
                              where c.next_attempt_at <= clock_timestamp()
                                and (c.lease_until is null or c.lease_until < clock_timestamp())
                        """ + (skipBrokers.isEmpty() ? "" : """
                                and r.broker_url not in (%s)
                        """.formatted(placeholders(skipBrokers.size()))) + """
                             ) due on due.id = s.id
                        where due.turn <= :perBroker
                          and s.next_attempt_at <= clock_timestamp()
                          and (s.lease_until is null or s.lease_until < clock_timestamp())
                        order by due.turn, s.attempts > 0, s.next_attempt_at, s.id
                        limit :batch
                        for update of s skip locked""", UUID.class)
                .setParameter("batch", batchSize)
                .setParameter("perBroker", perBroker);
        int index = 0;
        for (String broker : skipBrokers) {
            query.setParameter("skip" + index++, broker);
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.getResultList();
        List<Claim> claims = new ArrayList<>();
        for (UUID id : ids) {
            String token = owner + "/" + UUID.randomUUID();
            em.createNativeQuery("""
                            update subscription set lease_owner = :token,
                                   lease_until = clock_timestamp() + :millis * interval '1 millisecond'
                            where id = :id""")
                    .setParameter("token", token)
                    .setParameter("millis", lease.toMillis())
                    .setParameter("id", id)
                    .executeUpdate();
            Subscription s = em.find(Subscription.class, id);
            ListingRevision revision = ListingRevision.of(s.listingId, s.revision);
            claims.add(new Claim(s.id, token,
                    new ProvisioningRules.Work(s.step, s.attempts, s.deadline, s.operation, s.dashboardUrl, s.maxPollingSeconds),
                    new BrokerEndpoint(URI.create(revision.brokerUrl), revision.brokerUsername,
                            revision.brokerPasswordEncrypted ? passwords.decrypt(revision.brokerPassword) : revision.brokerPassword),
                    s.appSlug, s.planName, s.municipalityId, s.cloudTarget, s.actingUser, s.brokerServiceId, s.brokerPlanId));
        }
        return claims;
    }

    /**
     * Right before a broker call: extends the lease by {@code lease} from now (database clock) if it is still ours and
     * has not expired. False means another worker may own the subscription: the call must not be made.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean renew(Claim claim, Duration lease) {
        return em.createNativeQuery("""
                        update subscription set lease_until = clock_timestamp() + :millis * interval '1 millisecond'
                        where id = :id and lease_owner = :token and lease_until > clock_timestamp()""")
                .setParameter("millis", lease.toMillis())
                .setParameter("id", claim.subscriptionId())
                .setParameter("token", claim.leaseToken())
                .executeUpdate() == 1;
    }

    /**
     * Stores the result of one step (and its event) if the lease is still ours and unexpired; {@code resolved} carries
     * the broker's service and plan when this step read the catalog. Returns false if the result was dropped. Joins
     * the caller's transaction if there is one.
     * <p>
     * A provisioning that completes locks its member's row first — the membership event handler takes the same lock —
     * so a municipality leaving at the same moment is either seen here (and the subscription deprovisioned at once)
     * or sees the subscription PROVISIONED (and deprovisions it).
     */
    @Transactional
    public boolean complete(Claim claim, ProvisioningRules.Decision decision, OsbCatalog.Resolved resolved, Instant now) {
        MemberMunicipality member = decision.outcome() == ProvisioningRules.Outcome.PROVISIONED
                ? em.find(MemberMunicipality.class, claim.municipalityId(), LockModeType.PESSIMISTIC_WRITE)
                : null;
        Subscription s = em.find(Subscription.class, claim.subscriptionId(), LockModeType.PESSIMISTIC_WRITE);
        if (s == null || !holdsLease(claim)) {
            Log.warnf("Dropping the result of step %s of subscription %s: the lease expired or was taken over",
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
            case PROVISIONED -> provisioned(s, member, now);
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
            case ORPHAN_ALERT -> Log.errorf("ALERT: the orphaned instance of subscription %s at the broker of %s is still "
                            + "not confirmed deleted after %d attempts (%s); orphan mitigation keeps trying",
                    s.id, s.appSlug, s.attempts, decision.reason());
            case CONTINUE -> {
            }
        }
        return true;
    }

    private static String placeholders(int count) {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < count; i++) {
            names.append(i == 0 ? "" : ", ").append(":skip").append(i);
        }
        return names.toString();
    }

    /** Gives a claim back untouched (its broker has no free slot): due as before, for a later run. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void defer(Claim claim) {
        Subscription s = em.find(Subscription.class, claim.subscriptionId(), LockModeType.PESSIMISTIC_WRITE);
        if (s != null && claim.leaseToken().equals(s.leaseOwner)) {
            s.leaseOwner = null;
            s.leaseUntil = null;
        }
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
     * How long until the next subscription that is not due yet becomes due (database clock), if any: the worker wakes
     * up then instead of at its next scheduled run.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Duration> nextDueIn() {
        Object millis = em.createNativeQuery("""
                        select ceil(extract(epoch from min(next_attempt_at) - clock_timestamp()) * 1000) from subscription
                        where next_attempt_at > clock_timestamp()""")
                .getSingleResult();
        return millis == null ? Optional.empty() : Optional.of(Duration.ofMillis(Math.max(0, ((Number) millis).longValue())));
    }

    /** Orphans whose deletion the broker has not confirmed after {@code alertAfter} attempts. */
    @Transactional
    public long unconfirmedOrphans(int alertAfter) {
        return Subscription.count("orphanCleanup = ?1 and attempts >= ?2", OrphanCleanup.PENDING, alertAfter);
    }

    private boolean holdsLease(Claim claim) {
        return ((Number) em.createNativeQuery("""
                        select count(*) from subscription
                        where id = :id and lease_owner = :token and lease_until > clock_timestamp()""")
                .setParameter("id", claim.subscriptionId())
                .setParameter("token", claim.leaseToken())
                .getSingleResult()).intValue() == 1;
    }

    /**
     * The instance runs. The membership may have changed meanwhile ({@code member} is locked): a suspended member's
     * subscription is SUSPENDED at once, a member who left (or is unknown) has it deprovisioned right away.
     */
    private void provisioned(Subscription s, MemberMunicipality member, Instant now) {
        s.state = SubscriptionState.PROVISIONED;
        s.provisionedAt = now;
        s.failureReason = null;
        outbox.append(new AppProvisioned(s.id, s.listingId, s.planId, s.municipalityId, s.cloudTarget, s.dashboardUrl, now));
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
