package de.govtech.marketplace.listings;

import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.security.Caller;

import java.util.UUID;

/**
 * Who may see and change listings. Roles per operation are on {@link ListingResource}. Objects: platform admins see
 * every listing and decide on it, vendor users see and change only their vendor's; another vendor's listing is
 * reported missing. Platform admins do not edit listings; a listing is delisted by a platform admin or its vendor.
 */
final class ListingAccess {

    private ListingAccess() {
    }

    static boolean maySee(Caller caller, Listing listing) {
        return caller.isPlatformAdmin() || caller.actsForVendor(listing.vendorId);
    }

    static boolean mayChange(Caller caller, Listing listing) {
        return caller.actsForVendor(listing.vendorId);
    }

    static boolean mayDelist(Caller caller, Listing listing) {
        return caller.isPlatformAdmin() || mayChange(caller, listing);
    }

    static Listing visible(Caller caller, UUID id) {
        Listing listing = Listing.findById(id);
        if (listing == null || !maySee(caller, listing)) {
            throw DomainProblemException.notFound("Listing", id);
        }
        return listing;
    }

    static Listing ownedForChange(Caller caller, UUID id) {
        Listing listing = Listing.findById(id);
        if (listing == null || !mayChange(caller, listing)) {
            throw DomainProblemException.notFound("Listing", id);
        }
        return listing;
    }
}
