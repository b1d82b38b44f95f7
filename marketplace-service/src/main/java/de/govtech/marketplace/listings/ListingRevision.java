package de.govtech.marketplace.listings;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One revision of a listing. The broker fields are stored for provisioning and never leave the service. */
@Entity
@Table(name = "listing_revision")
public class ListingRevision extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "listing_id", nullable = false)
    public UUID listingId;
    @Column(nullable = false)
    public int revision;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RevisionStatus status;
    /** {@link ListingContent} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String content;
    @Column(name = "broker_url", nullable = false)
    public String brokerUrl;
    @Column(name = "broker_username", nullable = false)
    public String brokerUsername;
    /** Encrypted with {@link de.govtech.marketplace.osb.PasswordCipher} once {@link #brokerPasswordEncrypted}. */
    @Column(name = "broker_password", nullable = false)
    public String brokerPassword;
    @Column(name = "broker_password_encrypted", nullable = false)
    public boolean brokerPasswordEncrypted;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "rejection_reason")
    public String rejectionReason;

    public static ListingRevision of(UUID listingId, int revision) {
        return find("listingId = ?1 and revision = ?2", listingId, revision).firstResult();
    }
}
