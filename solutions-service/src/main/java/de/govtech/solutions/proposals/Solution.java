package de.govtech.solutions.proposals;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A municipal solution, from its proposal by a member to its release for reuse and retirement. */
@Entity
@Table(name = "solution")
public class Solution extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String problem;

    @Column(name = "intended_outcome", nullable = false)
    public String intendedOutcome;

    @Column(nullable = false)
    public String category;

    @Column(name = "ozg_reference")
    public String ozgReference;

    /** LeiKa service keys (Leistungsschlüssel), 14 digits each, as given. */
    @Column(name = "leika_keys", nullable = false, columnDefinition = "text[]")
    public String[] leikaKeys;

    /** null when the association itself proposed it. */
    @Column(name = "proposing_municipality_id")
    public UUID proposingMunicipalityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SolutionStatus status;

    @Column(name = "proposed_by", nullable = false)
    public String proposedBy;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;

    @Column(name = "status_changed_at", nullable = false)
    public Instant statusChangedAt;

    /** SPDX licence it was released under; null before the release. */
    public String licence;

    static Solution propose(SolutionRequests.Proposal request, UUID proposingMunicipality, String actor, Instant at) {
        Solution solution = new Solution();
        solution.id = UUID.randomUUID();
        solution.title = request.title().strip();
        solution.problem = request.problem().strip();
        solution.intendedOutcome = request.intendedOutcome().strip();
        solution.category = request.category();
        solution.ozgReference = request.ozgReference() == null || request.ozgReference().isBlank() ? null : request.ozgReference().strip();
        solution.leikaKeys = request.leikaKeys() == null ? new String[0] : request.leikaKeys().toArray(String[]::new);
        solution.proposingMunicipalityId = proposingMunicipality;
        solution.status = SolutionStatus.PROPOSED;
        solution.proposedBy = actor;
        solution.proposedAt = at;
        solution.statusChangedAt = at;
        solution.persist();
        SolutionTransition.record(solution.id, null, solution.status, actor, at, null);
        return solution;
    }

    /** Applies {@code action} (409 if illegal here) and records who, when and why. */
    SolutionStatus apply(SolutionAction action, String actor, Instant at, String reason) {
        SolutionStatus from = status;
        status = SolutionLifecycle.next(from, action);
        statusChangedAt = at;
        SolutionTransition.record(id, from, status, actor, at, reason);
        return from;
    }

    public List<String> leikaKeyList() {
        return List.of(leikaKeys);
    }

    public static Optional<Solution> forUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
