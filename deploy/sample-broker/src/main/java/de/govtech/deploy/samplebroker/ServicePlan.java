package de.govtech.deploy.samplebroker;

import java.util.Objects;

/**
 * One plan of a {@link ServiceOffering}.
 *
 * @param behaviour how provisions of this plan behave until {@link SampleBroker#behave} changes it
 *                  (catalog file: {@code "x-behaviour"}, default SUCCEED; never sent to the platform)
 */
public record ServicePlan(String id, String name, String description, boolean free, Behaviour behaviour) {

    public ServicePlan {
        Catalog.requireText(id, "plan id");
        Catalog.requireText(name, "plan name");
        Catalog.requireText(description, "plan description");
        Objects.requireNonNull(behaviour, "behaviour");
    }
}
