package de.govtech.membership.municipalities;

import de.govtech.platform.events.membership.MunicipalityType;
import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.ProblemType;
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

/**
 * A municipality admin's change of fee-relevant master data, waiting for a platform admin's decision. Once accepted,
 * the old values are those it replaced: the row is the change's history (who asked, who decided, when, old → new).
 */
@Entity
@Table(name = "municipality_change_request")
public class MunicipalityChangeRequest extends PanacheEntityBase {

    static final ProblemType DECIDED =
            ProblemType.of("change-request-decided", "The change request is decided already", 409);

    @Id
    public UUID id;

    @Column(name = "municipality_id", nullable = false)
    public UUID municipalityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ChangeRequestStatus status;

    @Column(name = "requested_by", nullable = false, length = 200)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "old_population")
    public Integer oldPopulation;

    @Column(name = "new_population")
    public Integer newPopulation;

    @Column(name = "population_as_of")
    public LocalDate populationAsOf;

    @Enumerated(EnumType.STRING)
    @Column(name = "old_type", nullable = false, length = 32)
    public MunicipalityType oldType;

    @Enumerated(EnumType.STRING)
    @Column(name = "new_type", nullable = false, length = 32)
    public MunicipalityType newType;

    @Column(name = "old_official_key", nullable = false, length = 12)
    public String oldOfficialKey;

    @Column(name = "new_official_key", nullable = false, length = 12)
    public String newOfficialKey;

    @Column(name = "old_land", nullable = false, length = 2)
    public String oldLand;

    @Column(name = "new_land", nullable = false, length = 2)
    public String newLand;

    @Column(name = "old_ars", length = 12)
    public String oldArs;

    @Column(name = "new_ars", length = 12)
    public String newArs;

    @Column(name = "decided_by", length = 200)
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_reason", length = 1000)
    public String decisionReason;

    @Version
    public long version;

    static MunicipalityChangeRequest open(Municipality municipality, FeeRelevantData proposed, LocalDate populationAsOf,
                                          String actor, Instant at) {
        MunicipalityChangeRequest request = new MunicipalityChangeRequest();
        request.id = UUID.randomUUID();
        request.municipalityId = municipality.id;
        request.status = ChangeRequestStatus.PENDING;
        request.requestedBy = actor;
        request.requestedAt = at;
        request.setOld(FeeRelevantData.of(municipality));
        request.newPopulation = proposed.population();
        request.newType = proposed.type();
        request.newOfficialKey = proposed.officialKey();
        request.newLand = proposed.land();
        request.newArs = proposed.ars();
        request.populationAsOf = populationAsOf;
        return request;
    }

    public FeeRelevantData oldData() {
        return new FeeRelevantData(oldPopulation, oldType, oldOfficialKey, oldLand, oldArs);
    }

    public FeeRelevantData newData() {
        return new FeeRelevantData(newPopulation, newType, newOfficialKey, newLand, newArs);
    }

    boolean proposes(FeeRelevantData proposed, LocalDate asOf) {
        return newData().equals(proposed) && java.util.Objects.equals(populationAsOf, asOf);
    }

    /** Applies the new values to the municipality and keeps the ones they replace. */
    void accept(Municipality municipality, String actor, Instant at) {
        decide(ChangeRequestStatus.ACCEPTED, null, actor, at);
        setOld(FeeRelevantData.of(municipality));
        newData().applyTo(municipality);
        municipality.updatedAt = at;
    }

    void reject(String reason, String actor, Instant at) {
        decide(ChangeRequestStatus.REJECTED, reason, actor, at);
    }

    private void decide(ChangeRequestStatus outcome, String reason, String actor, Instant at) {
        if (status != ChangeRequestStatus.PENDING) {
            throw new DomainProblemException(DECIDED, "Change request " + id + " is " + status + "; only a PENDING one can be decided");
        }
        status = outcome;
        decisionReason = reason;
        decidedBy = actor;
        decidedAt = at;
    }

    private void setOld(FeeRelevantData old) {
        oldPopulation = old.population();
        oldType = old.type();
        oldOfficialKey = old.officialKey();
        oldLand = old.land();
        oldArs = old.ars();
    }
}
