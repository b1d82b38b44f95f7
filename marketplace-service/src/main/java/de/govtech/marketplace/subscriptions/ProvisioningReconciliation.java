package de.govtech.marketplace.subscriptions;

import de.govtech.marketplace.members.MemberStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The periodic safety net behind the event-driven rules: subscriptions still running for a member who has left are
 * deprovisioned (whatever let them slip through), and the number of orphans whose deletion the broker has not
 * confirmed after the alert threshold is published as {@value #UNCONFIRMED_ORPHANS}.
 */
@ApplicationScoped
public class ProvisioningReconciliation {

    static final String UNCONFIRMED_ORPHANS = "govtech.provisioning.orphans.unconfirmed";

    private final ProvisioningStore store;
    private final ProvisioningConfig config;
    private final Clock clock;
    private final AtomicLong unconfirmedOrphans = new AtomicLong();

    public ProvisioningReconciliation(ProvisioningStore store, ProvisioningConfig config, MeterRegistry registry,
                                      Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        Gauge.builder(UNCONFIRMED_ORPHANS, unconfirmedOrphans, AtomicLong::get)
                .description("Orphaned broker instances not confirmed deleted after the alert threshold of attempts")
                .register(registry);
    }

    @Scheduled(identity = "provisioning-reconciliation",
            every = "${govtech.marketplace.provisioning.reconcile-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            deprovisionForLeftMembers();
            countUnconfirmedOrphans();
        } catch (RuntimeException e) {
            Log.warnf("Provisioning reconciliation failed: %s", e.toString());
        }
    }

    /** Starts deprovisioning every live subscription of a member who has left. Returns how many. */
    @Transactional
    public int deprovisionForLeftMembers() {
        List<Subscription> live = Subscription.<Subscription>find("state in ?1 and municipalityId in "
                                + "(select m.municipalityId from MemberMunicipality m where m.status = ?2)",
                        List.of(SubscriptionState.PROVISIONED, SubscriptionState.SUSPENDED), MemberStatus.LEFT)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        Instant now = clock.instant();
        for (Subscription s : live) {
            Log.warnf("Subscription %s is %s although municipality %s has left: deprovisioning it", s.id, s.state,
                    s.municipalityId);
            s.requestDeprovisioning(MembershipRule.SYSTEM_ACTOR, now);
        }
        return live.size();
    }

    public long countUnconfirmedOrphans() {
        long count = store.unconfirmedOrphans(config.orphanAlertAfter());
        unconfirmedOrphans.set(count);
        return count;
    }
}
