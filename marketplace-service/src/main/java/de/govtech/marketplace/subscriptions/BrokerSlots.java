package de.govtech.marketplace.subscriptions;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * At most {@code perBroker} calls in flight to one broker (by its URL) on this instance, so one vendor with many
 * orders — or a slow one — cannot take every slot of the provisioning pool.
 */
final class BrokerSlots {

    private final int perBroker;
    private final Map<String, Integer> inFlight = new HashMap<>();

    BrokerSlots(int perBroker) {
        if (perBroker < 1) {
            throw new IllegalArgumentException("at least one call per broker, not " + perBroker);
        }
        this.perBroker = perBroker;
    }

    /** Takes a slot of {@code broker}; false if it already has {@code perBroker} calls in flight. */
    synchronized boolean tryAcquire(String broker) {
        int current = inFlight.getOrDefault(broker, 0);
        if (current >= perBroker) {
            return false;
        }
        inFlight.put(broker, current + 1);
        return true;
    }

    synchronized void release(String broker) {
        inFlight.computeIfPresent(broker, (key, count) -> count > 1 ? count - 1 : null);
    }

    /** The brokers without a free slot: not worth claiming work for. */
    synchronized Set<String> saturated() {
        return inFlight.entrySet().stream().filter(e -> e.getValue() >= perBroker).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    synchronized int inFlight(String broker) {
        return inFlight.getOrDefault(broker, 0);
    }
}
