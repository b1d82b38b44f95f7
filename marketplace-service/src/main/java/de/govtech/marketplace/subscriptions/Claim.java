package de.govtech.marketplace.subscriptions;

import de.govtech.marketplace.osb.BrokerEndpoint;
import de.govtech.marketplace.osb.OriginatingIdentity;

import java.util.UUID;

/**
 * A subscription the worker holds the lease of ({@code leaseToken}), with everything the broker call needs, read in
 * the claiming transaction so the call itself runs outside any transaction.
 */
record Claim(UUID subscriptionId, String leaseToken, ProvisioningRules.Work work, BrokerEndpoint broker, String appSlug,
             String planName, UUID municipalityId, String cloudTarget, String actingUser, String brokerServiceId,
             String brokerPlanId) {

    OriginatingIdentity identity() {
        return new OriginatingIdentity(actingUser, municipalityId);
    }
}
