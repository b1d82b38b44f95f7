package de.govtech.deploy.samplebroker;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The broker's service instances and their asynchronous operations. Each operation has a token; a timer finishes it
 * after the configured delay unless a newer operation (a DELETE during provisioning) replaced it first. All methods
 * are synchronized: an instance's state changes atomically.
 */
final class InstanceStore implements AutoCloseable {

    enum ProvisionOutcome {
        /** a new provision runs (202) */
        STARTED,
        /** the same provision is still running (202 again) */
        STILL_IN_PROGRESS,
        /** the same provision has finished (200) */
        ALREADY_PROVISIONED,
        /** the id exists with other attributes (409) */
        CONFLICT,
        /** the instance is being deprovisioned (422 ConcurrencyError) */
        BUSY,
        /** FAIL_5XX: the broker "crashed" and left a failed orphan (500) */
        CRASHED
    }

    /** An instance with the token and description of its current operation. */
    record Snapshot(BrokerInstance instance, String operationToken, String description, JsonNode request) {
    }

    record ProvisionResult(ProvisionOutcome outcome, Snapshot snapshot) {
    }

    private record Entry(Snapshot snapshot, ScheduledFuture<?> pending) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Set<String> deprovisioned = new HashSet<>();
    private final Duration provisionDelay;
    private final Duration deprovisionDelay;
    private final ScheduledExecutorService timer;

    InstanceStore(Duration provisionDelay, Duration deprovisionDelay) {
        this.provisionDelay = provisionDelay;
        this.deprovisionDelay = deprovisionDelay;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sample-broker-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    synchronized ProvisionResult provision(String instanceId, String serviceId, String planId, JsonNode request,
                                           Behaviour behaviour, String dashboardUrl) {
        Entry existing = entries.get(instanceId);
        if (existing != null && !isFailedProvision(existing.snapshot().instance())) {
            Snapshot current = existing.snapshot();
            if (current.instance().operation().equals(BrokerInstance.DEPROVISION)) {
                return new ProvisionResult(ProvisionOutcome.BUSY, current);
            }
            if (!current.request().equals(request)) {
                return new ProvisionResult(ProvisionOutcome.CONFLICT, current);
            }
            return new ProvisionResult(current.instance().state().equals(BrokerInstance.IN_PROGRESS)
                    ? ProvisionOutcome.STILL_IN_PROGRESS : ProvisionOutcome.ALREADY_PROVISIONED, current);
        }
        // a failed provision may be tried again under the same id: it replaces the failed one
        cancel(existing);
        deprovisioned.remove(instanceId);
        String token = "provision-" + UUID.randomUUID();
        BrokerInstance instance = new BrokerInstance(instanceId, serviceId, planId, BrokerInstance.IN_PROGRESS,
                BrokerInstance.PROVISION, dashboardUrl);
        if (behaviour == Behaviour.FAIL_5XX) {
            Snapshot orphan = new Snapshot(instance.withState(BrokerInstance.FAILED), token,
                    "provisioning crashed (sample broker behaviour FAIL_5XX)", request);
            entries.put(instanceId, new Entry(orphan, null));
            return new ProvisionResult(ProvisionOutcome.CRASHED, orphan);
        }
        Snapshot started = new Snapshot(instance, token, "provisioning in progress", request);
        ScheduledFuture<?> pending = switch (behaviour) {
            case FAIL_ASYNC -> later(provisionDelay, () -> finish(instanceId, token, BrokerInstance.FAILED,
                    "provisioning failed (sample broker behaviour FAIL_ASYNC)"));
            case NEVER_FINISH, FAIL_5XX -> null;
            default -> later(provisionDelay, () -> finish(instanceId, token, BrokerInstance.SUCCEEDED, "provisioned"));
        };
        entries.put(instanceId, new Entry(started, pending));
        return new ProvisionResult(ProvisionOutcome.STARTED, started);
    }

    /** Starts (or repeats) the deprovision of an instance in any state; empty when the broker has no such instance. */
    synchronized Optional<Snapshot> deprovision(String instanceId) {
        Entry existing = entries.get(instanceId);
        if (existing == null) {
            return Optional.empty();
        }
        BrokerInstance instance = existing.snapshot().instance();
        if (instance.operation().equals(BrokerInstance.DEPROVISION)) {
            return Optional.of(existing.snapshot());
        }
        cancel(existing);
        String token = "deprovision-" + UUID.randomUUID();
        Snapshot started = new Snapshot(instance.deprovisioning(), token, "deprovisioning in progress",
                existing.snapshot().request());
        ScheduledFuture<?> pending = later(deprovisionDelay, () -> finish(instanceId, token, BrokerInstance.SUCCEEDED, "deprovisioned"));
        entries.put(instanceId, new Entry(started, pending));
        return Optional.of(started);
    }

    synchronized Optional<Snapshot> find(String instanceId) {
        return Optional.ofNullable(entries.get(instanceId)).map(Entry::snapshot);
    }

    /** Whether the instance existed here and has been deprovisioned (and not provisioned again since). */
    synchronized boolean wasDeprovisioned(String instanceId) {
        return deprovisioned.contains(instanceId);
    }

    synchronized Map<String, BrokerInstance> instances() {
        Map<String, BrokerInstance> copy = new LinkedHashMap<>();
        entries.forEach((id, entry) -> copy.put(id, entry.snapshot().instance()));
        return java.util.Collections.unmodifiableMap(copy);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private synchronized void finish(String instanceId, String token, String state, String description) {
        Entry entry = entries.get(instanceId);
        if (entry == null || !entry.snapshot().operationToken().equals(token)) {
            return; // replaced by a newer operation
        }
        Snapshot current = entry.snapshot();
        if (current.instance().operation().equals(BrokerInstance.DEPROVISION)) {
            entries.remove(instanceId);
            deprovisioned.add(instanceId);
            return;
        }
        entries.put(instanceId, new Entry(new Snapshot(current.instance().withState(state), token, description,
                current.request()), null));
    }

    private ScheduledFuture<?> later(Duration delay, Runnable action) {
        return timer.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static void cancel(Entry entry) {
        if (entry != null && entry.pending() != null) {
            entry.pending().cancel(false);
        }
    }

    private static boolean isFailedProvision(BrokerInstance instance) {
        return instance.operation().equals(BrokerInstance.PROVISION) && instance.state().equals(BrokerInstance.FAILED);
    }
}
