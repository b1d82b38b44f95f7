package de.govtech.deploy.samplebroker;

import java.util.List;
import java.util.Optional;

/** One service of the OSB catalog. */
public record ServiceOffering(String id, String name, String description, boolean bindable,
                              boolean instancesRetrievable, List<ServicePlan> plans) {

    public ServiceOffering {
        Catalog.requireText(id, "service id");
        Catalog.requireText(name, "service name");
        Catalog.requireText(description, "service description");
        plans = List.copyOf(plans);
        if (plans.isEmpty()) {
            throw new IllegalArgumentException("service " + name + " has no plans");
        }
    }

    public Optional<ServicePlan> plan(String planId) {
        return plans.stream().filter(p -> p.id().equals(planId)).findFirst();
    }
}
