package de.govtech.membership.memberships;

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
import java.util.List;
import java.util.UUID;

/** One entry of a membership's history. */
@Entity
@Table(name = "membership_transition")
public class MembershipTransition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "membership_id", nullable = false)
    public UUID membershipId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 16)
    public MembershipStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 16)
    public MembershipStatus toStatus;

    @Column(nullable = false, length = 200)
    public String actor;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(length = 1000)
    public String reason;

    public static MembershipTransition record(UUID membershipId, MembershipStatus from, MembershipStatus to,
                                              String actor, Instant at, String reason) {
        MembershipTransition transition = new MembershipTransition();
        transition.membershipId = membershipId;
        transition.fromStatus = from;
        transition.toStatus = to;
        transition.actor = actor;
        transition.occurredAt = at;
        transition.reason = reason;
        transition.persist();
        return transition;
    }

    public static List<MembershipTransition> of(UUID membershipId) {
        return list("membershipId = ?1 order by id", membershipId);
    }
}
