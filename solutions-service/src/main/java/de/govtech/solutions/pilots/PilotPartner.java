package de.govtech.solutions.pilots;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A company building, running or advising the pilot. */
@Entity
@Table(name = "pilot_partner")
class PilotPartner extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "solution_id", nullable = false)
    public UUID solutionId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartnerRole role;
}
