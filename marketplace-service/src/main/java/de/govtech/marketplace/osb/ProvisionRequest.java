package de.govtech.marketplace.osb;

import java.util.UUID;

/** What the marketplace asks a broker to provision: the catalog ids and the platform context. */
public record ProvisionRequest(String serviceId, String planId, UUID municipalityId, String cloudTarget) {
}
