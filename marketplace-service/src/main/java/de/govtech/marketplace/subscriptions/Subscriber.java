package de.govtech.marketplace.subscriptions;

import java.util.Optional;
import java.util.UUID;

/**
 * The caller as the subscription feature sees it: name, organisation claims, and whether it reads as a platform admin
 * (everything) or as a vendor (subscriptions of its own apps); otherwise it acts for its municipality.
 */
public record Subscriber(String name, Optional<UUID> municipalityId, Optional<UUID> vendorId, boolean platformAdmin,
                         boolean vendor) {
}
