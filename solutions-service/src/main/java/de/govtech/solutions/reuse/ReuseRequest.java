package de.govtech.solutions.reuse;

import de.govtech.platform.support.problem.DomainProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A member's request to reuse (nachnutzen) a released solution. */
@Entity
@Table(name = "reuse_request")
class ReuseRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "solution_id", nullable = false)
    public UUID solutionId;

    @Column(name = "municipality_id", nullable = false)
    public UUID municipalityId;

    public String message;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReuseRequestStatus status;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_reason")
    public String decisionReason;

    static ReuseRequest open(UUID solutionId, UUID municipalityId, String message, String actor, Instant at) {
        ReuseRequest request = new ReuseRequest();
        request.id = UUID.randomUUID();
        request.solutionId = solutionId;
        request.municipalityId = municipalityId;
        request.message = message;
        request.status = ReuseRequestStatus.REQUESTED;
        request.requestedBy = actor;
        request.requestedAt = at;
        return request;
    }

    void decide(ReuseRequestStatus outcome, String actor, Instant at, String reason) {
        if (status != ReuseRequestStatus.REQUESTED) {
            throw DomainProblemException.conflict("The reuse request was already " + status);
        }
        status = outcome;
        decidedBy = actor;
        decidedAt = at;
        decisionReason = reason;
    }

    static Optional<ReuseRequest> forUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
