package de.govtech.solutions.pilots;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A member municipality taking part in the pilot, as its LEAD or a PARTICIPANT. */
@Entity
@Table(name = "pilot_municipality")
@IdClass(PilotMunicipality.Key.class)
class PilotMunicipality extends PanacheEntityBase {

    static class Key implements Serializable {
        UUID solutionId;
        UUID municipalityId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(solutionId, key.solutionId)
                    && Objects.equals(municipalityId, key.municipalityId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(solutionId, municipalityId);
        }
    }

    @Id
    @Column(name = "solution_id")
    public UUID solutionId;

    @Id
    @Column(name = "municipality_id")
    public UUID municipalityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MunicipalityRole role;
}
