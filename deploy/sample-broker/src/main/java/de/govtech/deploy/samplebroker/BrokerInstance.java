package de.govtech.deploy.samplebroker;

/**
 * A service instance as the broker currently sees it.
 *
 * @param state     "in progress", "succeeded" or "failed" (the state of {@code operation})
 * @param operation "provision" or "deprovision": the last operation started on it
 */
public record BrokerInstance(String instanceId, String serviceId, String planId, String state, String operation,
                             String dashboardUrl) {

    public static final String IN_PROGRESS = "in progress";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String PROVISION = "provision";
    public static final String DEPROVISION = "deprovision";

    BrokerInstance withState(String newState) {
        return new BrokerInstance(instanceId, serviceId, planId, newState, operation, dashboardUrl);
    }

    BrokerInstance deprovisioning() {
        return new BrokerInstance(instanceId, serviceId, planId, IN_PROGRESS, DEPROVISION, dashboardUrl);
    }
}
