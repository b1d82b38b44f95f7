package de.govtech.marketplace.vendors;

/** A vendor is PENDING after registration until a platform admin verifies it; only VERIFIED vendors submit listings. */
public enum VendorStatus {
    PENDING,
    VERIFIED
}
