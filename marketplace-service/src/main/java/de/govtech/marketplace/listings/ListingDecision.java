package de.govtech.marketplace.listings;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One entry of a listing's history (append-only). */
@Entity
@Table(name = "listing_decision")
public class ListingDecision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "listing_id", nullable = false)
    public UUID listingId;
    @Column(nullable = false)
    public int revision;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DecisionAction action;
    @Column(nullable = false)
    public String actor;
    @Column(nullable = false)
    public Instant at;
    public String reason;
}
