package de.govtech.marketplace.subscriptions;

import de.govtech.marketplace.osb.BrokerAddressRule;
import de.govtech.marketplace.osb.BrokerConfig;
import de.govtech.marketplace.osb.BrokerUnreachableException;
import de.govtech.marketplace.osb.OsbCatalog;
import de.govtech.marketplace.osb.OsbClient;
import de.govtech.marketplace.osb.OsbResponse;
import de.govtech.marketplace.osb.ProvisionRequest;
import de.govtech.marketplace.subscriptions.ProvisioningRules.Answer;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.net.TrustOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Drives subscriptions through their broker operations. Each run claims as many due subscriptions as it has free
 * slots (lease, skip locked) and performs one step per subscription on a bounded pool, so a slow or hanging broker
 * holds only the slots of its own calls, each for at most the call deadline. Right before every broker call the
 * lease is renewed and re-checked with the database clock; a worker that lost it sends nothing and stores nothing.
 * The broker call runs outside any transaction; the step's result is stored with its event. All driving state is in
 * the database, so a restarted or second instance carries on where one stopped.
 */
@ApplicationScoped
public class ProvisioningWorker {

    /** A deferred claim makes its broker saturated, so each further round claims without at least one more broker. */
    private static final int MAX_CLAIM_ROUNDS = 4;
    /** Due times closer together than this are served by one wake-up. */
    private static final Duration MIN_WAKE_UP_DELAY = Duration.ofMillis(20);

    private final ProvisioningStore store;
    private final ProvisioningConfig config;
    private final ProvisioningRules rules;
    private final OsbClient osb;
    private final Clock clock;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();
    private final ExecutorService pool;
    private final Semaphore slots;
    private final BrokerSlots brokerSlots;
    /** Claims again when a drive has finished, and wakes up when the next step becomes due (one thread). */
    private final ScheduledExecutorService dispatcher;
    private final AtomicBoolean dispatchRequested = new AtomicBoolean();
    private ScheduledFuture<?> wakeUp;
    private long wakeUpAtNanos;
    private volatile boolean held;
    private volatile BiConsumer<Claim, String> beforeBrokerCall = (claim, call) -> { };

    public ProvisioningWorker(ProvisioningStore store, ProvisioningConfig config, BrokerAddressRule addressRule,
                              Vertx vertx, Clock clock, BrokerConfig brokers, TlsConfigurationRegistry tls) {
        if (config.callDeadline().compareTo(config.leaseDuration()) >= 0) {
            throw new IllegalStateException("govtech.marketplace.provisioning.lease-duration (" + config.leaseDuration()
                    + ") must exceed call-deadline (" + config.callDeadline() + ")");
        }
        if (config.concurrencyPerBroker() >= config.concurrency()) {
            throw new IllegalStateException("govtech.marketplace.provisioning.concurrency (" + config.concurrency()
                    + ") must exceed concurrency-per-broker (" + config.concurrencyPerBroker()
                    + "), or one hanging broker holds every slot");
        }
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.rules = new ProvisioningRules(new ProvisioningRules.Settings(config.pollInterval(), config.minPollInterval(),
                config.maxPollInterval(), config.maxPollingDuration(), config.retryBackoff(), config.maxBackoff(),
                config.maxAttempts(), config.orphanAlertAfter()));
        this.osb = new OsbClient(vertx, config.httpTimeout(), config.callDeadline(), config.maxResponseBytes(), addressRule,
                config.concurrency(), brokerTrust(brokers, tls));
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(config.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "provisioning-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.slots = new Semaphore(config.concurrency());
        this.brokerSlots = new BrokerSlots(config.concurrencyPerBroker());
        this.dispatcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "provisioning-dispatch");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The trust store of the configured TLS configuration, or null: the JVM's trust store. */
    private static TrustOptions brokerTrust(BrokerConfig brokers, TlsConfigurationRegistry tls) {
        return brokers.tlsConfigurationName().map(name -> tls.get(name)
                .orElseThrow(() -> new IllegalStateException("govtech.marketplace.brokers.tls-configuration-name names "
                        + "no TLS configuration: quarkus.tls." + name + ".trust-store.* is not set"))
                .getTrustStoreOptions()).orElse(null);
    }

    /**
     * How many brokers may hang at once (each holding its whole share of calls until the call deadline) while there is
     * still a slot for every other broker's work.
     */
    static int toleratedHangingBrokers(int concurrency, int concurrencyPerBroker) {
        return (concurrency - 1) / concurrencyPerBroker;
    }

    /** Runs {@code hook} right before each broker call's lease check; tests put a pause there (a GC pause, a starved thread). */
    void beforeBrokerCall(BiConsumer<Claim, String> hook) {
        this.beforeBrokerCall = hook;
    }

    /** Tests stop this instance's claiming (scheduled runs, re-dispatch and wake-ups) to look at the claim on its own. */
    void hold(boolean hold) {
        this.held = hold;
    }

    @PreDestroy
    void stop() {
        dispatcher.shutdownNow();
        pool.shutdownNow();
        osb.close();
    }

    @Scheduled(identity = "provisioning-worker", every = "${govtech.marketplace.provisioning.worker-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!config.workerEnabled() || held) {
            return;
        }
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            // e.g. the database is unreachable (or the app is shutting down): the next run tries again
            Log.warnf("Provisioning worker run failed: %s", e.toString());
        }
    }

    /**
     * Claims as many due subscriptions as there are free slots — at most its share per broker, none of brokers that
     * already have their share of calls in flight, in the store's fair order — and drives each on the pool, without
     * waiting. A claim beyond its broker's share is given back and the claim repeated without that broker. It claims
     * again while the claims fill the free slots, and again whenever a drive finishes; when nothing more is due it
     * sleeps until the next step becomes due (or the next scheduled run), so throughput is bounded by the slots and
     * the brokers, not by the worker interval, and an idle worker sends no query in between.
     */
    public synchronized int dispatchDue() {
        int driven = 0;
        int rounds = MAX_CLAIM_ROUNDS + config.concurrency() / Math.max(1, config.batchSize());
        for (int round = 0; round < rounds; round++) {
            int free = Math.min(slots.availablePermits(), config.batchSize());
            if (free <= 0) {
                return driven; // a finishing drive claims again
            }
            List<Claim> claims = store.claimDue(instance, config.leaseDuration(), free, config.concurrencyPerBroker(),
                    brokerSlots.saturated());
            int deferred = 0;
            for (Claim claim : claims) {
                if (startOnPool(claim)) {
                    driven++;
                } else {
                    deferred++;
                }
            }
            if (claims.size() < free && deferred == 0) {
                break; // nothing more is due now
            }
        }
        wakeUpWhenNextDue();
        return driven;
    }

    /** After a drive: claim again on the dispatcher thread (requests while one is pending are served by it). */
    private void dispatchAgain() {
        if (held || !dispatchRequested.compareAndSet(false, true)) {
            return;
        }
        try {
            dispatcher.execute(() -> {
                dispatchRequested.set(false);
                dispatchQuietly();
            });
        } catch (RejectedExecutionException e) {
            dispatchRequested.set(false); // shutting down
        }
    }

    private void dispatchQuietly() {
        if (held) {
            return;
        }
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            Log.debugf("Provisioning dispatch failed (the next run tries again): %s", e.toString());
        }
    }

    /** Sleeps until the earliest step that is not due yet becomes due (database clock), unless a wake-up comes sooner. */
    private void wakeUpWhenNextDue() {
        Duration delay = store.nextDueIn().orElse(null);
        if (delay == null) {
            return;
        }
        if (delay.compareTo(MIN_WAKE_UP_DELAY) < 0) {
            delay = MIN_WAKE_UP_DELAY;
        }
        long at = System.nanoTime() + delay.toNanos();
        if (wakeUp != null && !wakeUp.isDone() && wakeUpAtNanos - at <= 0) {
            return;
        }
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        try {
            wakeUp = dispatcher.schedule(this::dispatchQuietly, delay.toMillis(), TimeUnit.MILLISECONDS);
            wakeUpAtNanos = at;
        } catch (RejectedExecutionException e) {
            wakeUp = null; // shutting down
        }
    }

    private boolean startOnPool(Claim claim) {
        String broker = claim.broker().url().toString();
        if (!brokerSlots.tryAcquire(broker)) {
            store.defer(claim);
            return false;
        }
        slots.acquireUninterruptibly();
        try {
            pool.execute(() -> {
                try {
                    driveSafely(claim);
                } finally {
                    brokerSlots.release(broker);
                    slots.release();
                    dispatchAgain();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            brokerSlots.release(broker);
            slots.release();
            store.release(claim, clock.instant());
            return false;
        }
    }

    /** One run in the calling thread: claims what is due and performs one step each. Returns how many were claimed. */
    public int driveDue() {
        List<Claim> claims = store.claimDue(instance, config.leaseDuration(), config.batchSize());
        claims.forEach(this::driveSafely);
        return claims.size();
    }

    private void driveSafely(Claim claim) {
        try {
            drive(claim);
        } catch (LeaseLost e) {
            Log.warnf("Not calling the broker for step %s of subscription %s: the lease expired or was taken over",
                    claim.work().step(), claim.subscriptionId());
        } catch (RuntimeException e) {
            Log.errorf(e, "Step %s of subscription %s failed unexpectedly; retrying later",
                    claim.work().step(), claim.subscriptionId());
            store.release(claim, clock.instant().plus(rules.backoff(claim.work().attempts())));
        }
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
                response = call(claim, "catalog", () -> osb.catalog(claim.broker(), claim.identity()));
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
        ProvisionRequest request = new ProvisionRequest(serviceId, planId, claim.municipalityId(), claim.cloudTarget());
        Answer answer = answer(claim, "provision",
                () -> {
                    Log.infof("Provisioning: PUT /v2/service_instances/%s for municipality %s", claim.subscriptionId(),
                            claim.municipalityId());
                    return osb.provision(claim.broker(), claim.subscriptionId().toString(), request, claim.identity());
                });
        store.complete(claim, rules.provisionAnswered(work, answer, clock.instant()), resolved, clock.instant());
    }

    private Answer lastOperation(Claim claim) {
        return answer(claim, "last_operation", () -> osb.lastOperation(claim.broker(), claim.subscriptionId().toString(),
                claim.brokerServiceId(), claim.brokerPlanId(), claim.work().operation(), claim.identity()));
    }

    private Answer delete(Claim claim) {
        return answer(claim, "deprovision", () -> osb.deprovision(claim.broker(), claim.subscriptionId().toString(),
                claim.brokerServiceId(), claim.brokerPlanId(), claim.identity()));
    }

    private Answer answer(Claim claim, String what, BrokerCall call) {
        try {
            return Answer.of(call(claim, what, call));
        } catch (BrokerUnreachableException e) {
            return Answer.unreachable(e.getMessage());
        }
    }

    /** The lease is renewed (database clock) right before the call; if it is no longer ours, the call is not made. */
    private OsbResponse call(Claim claim, String what, BrokerCall call) throws BrokerUnreachableException {
        beforeBrokerCall.accept(claim, what);
        if (!store.renew(claim, config.leaseDuration())) {
            throw new LeaseLost();
        }
        try {
            return call.send();
        } catch (BrokerUnreachableException e) {
            Log.warnf("Broker call %s for subscription %s at %s failed: %s", what, claim.subscriptionId(),
                    claim.broker().url(), e.getMessage());
            throw e;
        }
    }

    @FunctionalInterface
    private interface BrokerCall {
        OsbResponse send() throws BrokerUnreachableException;
    }

    private static final class LeaseLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LeaseLost() {
            super(null, null, false, false);
        }
    }
}
