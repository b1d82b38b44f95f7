package de.govtech.learning.members;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One row of the member projection. Written only by {@link MemberProjection}. */
@Entity
@Table(name = "member_municipality")
public class MemberMunicipality extends PanacheEntityBase {

    @Id
    @Column(name = "municipality_id")
    public UUID municipalityId;

    @Column(name = "official_key", nullable = false)
    public String officialKey;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MemberStatus status;

    @Column(name = "joined_on", nullable = false)
    public LocalDate joinedOn;

    @Column(name = "status_since", nullable = false)
    public Instant statusSince;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
