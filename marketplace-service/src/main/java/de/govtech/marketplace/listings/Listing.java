package de.govtech.marketplace.listings;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** An app listing of a vendor. Its content lives in {@link ListingRevision}s. */
@Entity
@Table(name = "listing")
public class Listing extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "vendor_id", nullable = false)
    public UUID vendorId;
    @Column(nullable = false)
    public String slug;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ListingStatus status;
    /** The revision the catalogue shows, null before the first publication. */
    @Column(name = "published_revision")
    public Integer publishedRevision;
    /** The revision being edited, reviewed or last rejected, null if there is none. */
    @Column(name = "pending_revision")
    public Integer pendingRevision;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;
}
