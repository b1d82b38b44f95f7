package de.govtech.marketplace.vendors;

import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.security.Caller;

import java.util.UUID;

/**
 * Who may see and change vendors. Roles per operation are on {@link VendorResource}: vendor users register their own
 * vendor (the {@code vendor_id} claim), platform admins list and verify. Objects: platform admins see every vendor,
 * vendor users only their own — another vendor's is reported missing, so its id is not disclosed.
 */
final class VendorAccess {

    private VendorAccess() {
    }

    static boolean maySee(Caller caller, UUID vendorId) {
        return caller.isPlatformAdmin() || caller.actsForVendor(vendorId);
    }

    static Vendor visible(Caller caller, UUID id) {
        Vendor vendor = maySee(caller, id) ? Vendor.findById(id) : null;
        if (vendor == null) {
            throw DomainProblemException.notFound("Vendor", id);
        }
        return vendor;
    }

    /** The caller's own registered vendor; 403 without a {@code vendor_id} claim or before registration. */
    static Vendor own(Caller caller) {
        UUID vendorId = caller.requireVendor();
        Vendor vendor = Vendor.findById(vendorId);
        if (vendor == null) {
            throw DomainProblemException.forbidden("Vendor " + vendorId + " is not registered yet");
        }
        return vendor;
    }
}
