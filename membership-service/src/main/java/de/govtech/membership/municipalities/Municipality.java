package de.govtech.membership.municipalities;

import de.govtech.platform.events.membership.MunicipalityType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A local authority (Gebietskörperschaft) known to the association, member or not. */
@Entity
@Table(name = "municipality")
public class Municipality extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "municipality_type", nullable = false, length = 32)
    public MunicipalityType type;

    @Column(nullable = false, length = 2)
    public String land;

    public Integer population;

    @Column(name = "official_key", nullable = false, length = 12)
    public String officialKey;

    @Column(length = 12)
    public String ars;

    @ElementCollection
    @CollectionTable(name = "municipality_contact", joinColumns = @JoinColumn(name = "municipality_id"))
    @OrderColumn(name = "sort_order")
    public List<Contact> contacts = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Verification verification = Verification.UNVERIFIED;

    @Column(name = "verification_decided_by", length = 200)
    public String verificationDecidedBy;

    @Column(name = "verification_decided_at")
    public Instant verificationDecidedAt;

    @Column(name = "rejection_reason", length = 1000)
    public String rejectionReason;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The municipality holding this official key: a rejected one holds none. */
    public static Optional<Municipality> byOfficialKey(String officialKey) {
        return find("officialKey = ?1 and verification <> ?2", officialKey, Verification.REJECTED).firstResultOptional();
    }

    public boolean isVerified() {
        return verification == Verification.VERIFIED;
    }

    /** True if this verified it; false if it was verified already. */
    public boolean verify(String actor, Instant at) {
        if (verification == Verification.VERIFIED) {
            return false;
        }
        verification = verification.verify();
        verificationDecidedBy = actor;
        verificationDecidedAt = at;
        return true;
    }

    public void reject(String reason, String actor, Instant at) {
        verification = verification.reject();
        rejectionReason = reason;
        verificationDecidedBy = actor;
        verificationDecidedAt = at;
        updatedAt = at;
    }
}
