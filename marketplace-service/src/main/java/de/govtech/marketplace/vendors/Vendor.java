package de.govtech.marketplace.vendors;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A partner vendor organisation (Anbieter). Never returned directly: see {@link VendorView}. */
@Entity
@Table(name = "vendor")
public class Vendor extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String name;
    @Column(name = "legal_form", nullable = false)
    public String legalForm;
    @Column(nullable = false)
    public String street;
    @Column(name = "postal_code", nullable = false)
    public String postalCode;
    @Column(nullable = false)
    public String city;
    @Column(nullable = false)
    public String country;
    @Column(name = "contact_email", nullable = false)
    public String contactEmail;
    @Column(name = "vat_id", nullable = false)
    public String vatId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VendorStatus status;
    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;
    @Column(name = "registered_by", nullable = false)
    public String registeredBy;
    @Column(name = "verified_at")
    public Instant verifiedAt;
    @Column(name = "verified_by")
    public String verifiedBy;

    public boolean isVerified() {
        return status == VendorStatus.VERIFIED;
    }
}
