package de.govtech.solutions.reuse;

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

/** A reuse agreement (Nachnutzungsvereinbarung), concluded by accepting a reuse request. */
@Entity
@Table(name = "reuse_agreement")
class ReuseAgreement extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "solution_id", nullable = false)
    public UUID solutionId;

    /** The municipality that asked for reuse. */
    @Column(name = "municipality_id", nullable = false)
    public UUID municipalityId;

    @Column(nullable = false)
    public String terms;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "cost_split_method")
    public CostSplit.Method costSplitMethod;

    @Column(name = "development_cost_cents")
    public Long developmentCostCents;

    @Column(name = "operating_cost_cents")
    public Long operatingCostCents;

    @Column(name = "agreed_by", nullable = false)
    public String agreedBy;

    @Column(name = "agreed_at", nullable = false)
    public Instant agreedAt;
}
