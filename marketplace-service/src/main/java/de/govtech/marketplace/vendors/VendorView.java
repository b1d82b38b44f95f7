package de.govtech.marketplace.vendors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A vendor as the API shows it. */
@Schema(name = "Vendor", description = "A vendor of apps in the marketplace", examples = """
        {"id": "3c1d9e4a-7b2f-4e8a-9c5d-1a2b3c4d5e6f", "name": "Kommunal Digital GmbH", "legalForm": "GmbH",
         "address": {"street": "Marktplatz 1", "postalCode": "74072", "city": "Heilbronn", "country": "DE"},
         "contactEmail": "vertrieb@kommunal-digital.example", "vatId": "DE123456789", "status": "VERIFIED",
         "registeredAt": "2026-03-02T09:15:00Z", "verifiedAt": "2026-03-03T10:00:00Z", "verifiedBy": "platform-admin-1"}""")
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
