package de.govtech.marketplace.subscriptions;

import de.govtech.marketplace.osb.BrokerUnreachableException;
import de.govtech.marketplace.osb.OsbCatalog;
import de.govtech.marketplace.osb.OsbClient;
import de.govtech.marketplace.osb.OsbResponse;
import de.govtech.marketplace.osb.ProvisionRequest;
import de.govtech.marketplace.subscriptions.ProvisioningRules.Answer;
import de.govtech.marketplace.subscriptions.ProvisioningRules.Decision;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Drives subscriptions through their broker operations. Each run claims the due subscriptions (lease, skip locked),
 * performs one step per subscription — the broker call outside any transaction — and stores the step's result with
 * its event. All driving state is in the database, so a restarted or second instance carries on where one stopped.
 */
@ApplicationScoped
public class ProvisioningWorker {

    private final ProvisioningStore store;
    private final ProvisioningConfig config;
    private final ProvisioningRules rules;
    private final OsbClient osb;
    private final Clock clock = Clock.systemUTC();
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();

    public ProvisioningWorker(ProvisioningStore store, ProvisioningConfig config) {
        this.store = store;
        this.config = config;
        this.rules = new ProvisioningRules(new ProvisioningRules.Settings(config.pollInterval(), config.minPollInterval(),
                config.maxPollInterval(), config.maxPollingDuration(), config.retryBackoff(), config.maxBackoff(),
                config.maxAttempts()));
        this.osb = new OsbClient(config.httpTimeout());
    }

    @Scheduled(identity = "provisioning-worker", every = "${govtech.marketplace.provisioning.worker-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!config.workerEnabled()) {
            return;
        }
        try {
            driveDue();
        } catch (RuntimeException e) {
            // e.g. the database is unreachable (or the app is shutting down): the next run tries again
            Log.warnf("Provisioning worker run failed: %s", e.toString());
        }
    }

    /** One run: claims what is due and performs one step each. Returns how many were claimed. */
    public int driveDue() {
        Instant now = clock.instant();
        List<Claim> claims = store.claimDue(instance, now, now.plus(config.leaseDuration()), config.batchSize());
        for (Claim claim : claims) {
            try {
                drive(claim);
            } catch (RuntimeException e) {
                Log.errorf(e, "Step %s of subscription %s failed unexpectedly; retrying later",
                        claim.work().step(), claim.subscriptionId());
                store.release(claim, clock.instant().plus(rules.backoff(claim.work().attempts())));
            }
        }
        return claims.size();
    }

    private void drive(Claim claim) {
        ProvisioningRules.Work work = claim.work();
        switch (work.step()) {
            case PROVISION -> provision(claim);
            case POLL_PROVISION -> {
                if (rules.pastDeadline(work, clock.instant())) {
                    store.complete(claim, rules.provisionTimedOut(work, clock.instant()), null, clock.instant());
                } else {
                    Answer answer = lastOperation(claim);
                    store.complete(claim, rules.provisionPolled(work, answer, clock.instant()), null, clock.instant());
                }
            }
            case ORPHAN_DELETE -> store.complete(claim, rules.orphanDeleteAnswered(work, delete(claim), clock.instant()),
                    null, clock.instant());
            case POLL_ORPHAN -> store.complete(claim, rules.orphanPolled(work, lastOperation(claim), clock.instant()),
                    null, clock.instant());
            case DEPROVISION -> store.complete(claim, rules.deprovisionAnswered(work, delete(claim), clock.instant()),
                    null, clock.instant());
            case POLL_DEPROVISION -> store.complete(claim,
                    rules.deprovisionPolled(work, lastOperation(claim), clock.instant()), null, clock.instant());
        }
    }

    /** Resolves the broker's service and plan once (catalog), then PUTs the instance. */
    private void provision(Claim claim) {
        ProvisioningRules.Work work = claim.work();
        OsbCatalog.Resolved resolved = null;
        String serviceId = claim.brokerServiceId();
        String planId = claim.brokerPlanId();
        if (serviceId == null || planId == null) {
            OsbResponse response;
            try {
                response = osb.catalog(claim.broker(), claim.identity());
            } catch (BrokerUnreachableException e) {
                store.complete(claim, rules.catalogUnusable(work, clock.instant(), "catalog: " + e.getMessage(), true),
                        null, clock.instant());
                return;
            }
            if (response.status() != 200) {
                store.complete(claim, rules.catalogUnusable(work, clock.instant(), "catalog: " + response.summary(),
                        response.status() >= 500 || response.status() == 408), null, clock.instant());
                return;
            }
            OsbCatalog catalog = OsbCatalog.parse(response.body());
            resolved = catalog.resolve(claim.appSlug(), claim.planName()).orElse(null);
            if (resolved == null) {
                String reason = catalog.hasService(claim.appSlug())
                        ? "the broker's service '" + claim.appSlug() + "' has no plan named '" + claim.planName() + "'"
                        : "the broker's catalog has no service named '" + claim.appSlug() + "'";
                store.complete(claim, rules.catalogUnusable(work, clock.instant(), reason, false), null, clock.instant());
                return;
            }
            serviceId = resolved.service().id();
            planId = resolved.plan().id();
            work = new ProvisioningRules.Work(work.step(), work.attempts(), work.deadline(), work.operation(),
                    work.dashboardUrl(), resolved.plan().maximumPollingDurationSeconds());
        }
        Answer answer;
        try {
            answer = Answer.of(osb.provision(claim.broker(), claim.subscriptionId().toString(),
                    new ProvisionRequest(serviceId, planId, claim.municipalityId(), claim.cloudTarget()), claim.identity()));
        } catch (BrokerUnreachableException e) {
            answer = Answer.unreachable(e.getMessage());
        }
        store.complete(claim, rules.provisionAnswered(work, answer, clock.instant()), resolved, clock.instant());
    }

    private Answer lastOperation(Claim claim) {
        try {
            return Answer.of(osb.lastOperation(claim.broker(), claim.subscriptionId().toString(), claim.brokerServiceId(),
                    claim.brokerPlanId(), claim.work().operation(), claim.identity()));
        } catch (BrokerUnreachableException e) {
            return Answer.unreachable(e.getMessage());
        }
    }

    private Answer delete(Claim claim) {
        try {
            return Answer.of(osb.deprovision(claim.broker(), claim.subscriptionId().toString(), claim.brokerServiceId(),
                    claim.brokerPlanId(), claim.identity()));
        } catch (BrokerUnreachableException e) {
            return Answer.unreachable(e.getMessage());
        }
    }
}
