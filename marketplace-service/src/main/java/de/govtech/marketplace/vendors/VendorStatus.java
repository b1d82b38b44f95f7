package de.govtech.marketplace.vendors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A vendor is PENDING after registration until a platform admin verifies it; only VERIFIED vendors submit listings. */
@Schema(name = "VendorStatus",
        description = "PENDING until a platform admin verifies the vendor (VERIFIED); only VERIFIED vendors submit "
                + "listings")
public enum VendorStatus {
    PENDING,
    VERIFIED
}
