package de.govtech.marketplace.subscriptions;

import de.govtech.marketplace.listings.Listing;
import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.security.Caller;
import de.govtech.platform.support.security.PlatformRoles;

import java.util.UUID;

/**
 * Who may see and end subscriptions. Roles per operation are on {@link SubscriptionResource}: municipality admins
 * order and end, vendors and municipality users read. Objects: platform admins read every subscription; a vendor
 * reads the subscriptions of its own apps (and ends none); everyone else those of the municipality the token names.
 * Anything else is reported missing.
 */
final class SubscriptionAccess {

    private SubscriptionAccess() {
    }

    /** Reads as a vendor: subscriptions of its own apps. */
    static boolean readsAsVendor(Caller caller) {
        return caller.hasRole(PlatformRoles.VENDOR) && !caller.isPlatformAdmin();
    }

    static boolean maySee(Caller caller, Subscription s) {
        if (caller.isPlatformAdmin()) {
            return true;
        }
        if (caller.hasRole(PlatformRoles.VENDOR)) {
            Listing listing = Listing.findById(s.listingId);
            return listing != null && listing.vendorId.equals(caller.requireVendor());
        }
        return s.municipalityId.equals(caller.requireMunicipality());
    }

    static void requireVisible(Caller caller, Subscription s, UUID id) {
        if (s == null || !maySee(caller, s)) {
            throw DomainProblemException.notFound("Subscription", id);
        }
    }
}
