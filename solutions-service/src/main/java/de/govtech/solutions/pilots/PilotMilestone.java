package de.govtech.solutions.pilots;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

@Entity
@Table(name = "pilot_milestone")
@IdClass(PilotMilestone.Key.class)
class PilotMilestone extends PanacheEntityBase {

    static class Key implements Serializable {
        UUID solutionId;
        int position;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(solutionId, key.solutionId) && position == key.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(solutionId, position);
        }
    }

    @Id
    @Column(name = "solution_id")
    public UUID solutionId;

    @Id
    public int position;

    @Column(nullable = false)
    public String title;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;
}
