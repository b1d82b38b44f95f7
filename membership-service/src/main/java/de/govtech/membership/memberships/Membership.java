package de.govtech.membership.memberships;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A municipality's membership in the association, from application to its end. */
@Entity
@Table(name = "membership")
public class Membership extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "municipality_id", nullable = false)
    public UUID municipalityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public MembershipStatus status;

    @Column(nullable = false)
    public boolean founding;

    @Column(name = "statutes_version", nullable = false, length = 40)
    public String statutesVersion;

    @Column(name = "applied_at", nullable = false)
    public Instant appliedAt;

    @Column(name = "joined_on")
    public LocalDate joinedOn;

    @Column(name = "notice_given_on")
    public LocalDate noticeGivenOn;

    /** Last day of membership after notice. */
    @Column(name = "leaves_on")
    public LocalDate leavesOn;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Version
    public long version;
}
