package de.govtech.solutions.proposals;

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

/** One entry of a solution's history. */
@Entity
@Table(name = "solution_transition")
class SolutionTransition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "solution_id", nullable = false)
    public UUID solutionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public SolutionStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public SolutionStatus toStatus;

    @Column(nullable = false)
    public String actor;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    public String reason;

    static void record(UUID solutionId, SolutionStatus from, SolutionStatus to, String actor, Instant at, String reason) {
        SolutionTransition transition = new SolutionTransition();
        transition.solutionId = solutionId;
        transition.fromStatus = from;
        transition.toStatus = to;
        transition.actor = actor;
        transition.occurredAt = at;
        transition.reason = reason;
        transition.persist();
    }

    static List<SolutionTransition> of(UUID solutionId) {
        return list("solutionId = ?1 order by id", solutionId);
    }
}
