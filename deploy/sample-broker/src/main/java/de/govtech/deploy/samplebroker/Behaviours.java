package de.govtech.deploy.samplebroker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The current behaviour per plan id: starts from the catalog, tests change it at runtime. */
final class Behaviours {

    private final Map<String, Behaviour> byPlan = new ConcurrentHashMap<>();

    Behaviours(Catalog catalog) {
        catalog.services().forEach(s -> s.plans().forEach(p -> byPlan.put(p.id(), p.behaviour())));
    }

    Behaviour of(String planId) {
        return byPlan.getOrDefault(planId, Behaviour.SUCCEED);
    }

    void set(String planId, Behaviour behaviour) {
        if (behaviour == null) {
            throw new IllegalArgumentException("behaviour must not be null");
        }
        if (byPlan.replace(planId, behaviour) == null) {
            throw new IllegalArgumentException("plan id " + planId + " is not in the catalog " + byPlan.keySet());
        }
    }
}
