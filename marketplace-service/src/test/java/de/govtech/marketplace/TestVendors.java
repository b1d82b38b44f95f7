package de.govtech.marketplace;

import de.govtech.marketplace.vendors.Vendor;
import de.govtech.marketplace.vendors.VendorStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Instant;
import java.util.UUID;

/** Seeds vendor rows directly, so tests of other features do not depend on the registration API. */
public final class TestVendors {

    private TestVendors() {
    }

    public static void ensure(String id, String name, boolean verified) {
        UUID vendorId = UUID.fromString(id);
        QuarkusTransaction.requiringNew().run(() -> {
            if (Vendor.findById(vendorId) != null) {
                return;
            }
            Vendor v = new Vendor();
            v.id = vendorId;
            v.name = name;
            v.legalForm = "GmbH";
            v.street = "Marktplatz 1";
            v.postalCode = "74072";
            v.city = "Heilbronn";
            v.country = "DE";
            v.contactEmail = "kontakt@" + name.toLowerCase().replaceAll("[^a-z]", "") + ".example";
            v.vatId = vatIdFor(vendorId);
            v.status = verified ? VendorStatus.VERIFIED : VendorStatus.PENDING;
            v.registeredAt = Instant.now();
            v.registeredBy = "seed";
            if (verified) {
                v.verifiedAt = Instant.now();
                v.verifiedBy = "seed";
            }
            v.persist();
        });
    }

    public static String vatIdFor(UUID id) {
        return "DE" + String.format("%09d", Math.floorMod(id.getMostSignificantBits() ^ id.getLeastSignificantBits(), 1_000_000_000L));
    }
}
