package de.govtech.marketplace.vendors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A vendor as the API shows it. */
@Schema(name = "Vendor")
public record VendorView(
        UUID id,
        String name,
        String legalForm,
        VendorRegistration.Address address,
        String contactEmail,
        String vatId,
        VendorStatus status,
        Instant registeredAt,
        Instant verifiedAt,
        String verifiedBy) {

    static VendorView of(Vendor v) {
        return new VendorView(v.id, v.name, v.legalForm,
                new VendorRegistration.Address(v.street, v.postalCode, v.city, v.country),
                v.contactEmail, v.vatId, v.status, v.registeredAt, v.verifiedAt, v.verifiedBy);
    }
}
