package de.govtech.solutions.pilots;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A status note on the pilot's progress. */
@Entity
@Table(name = "pilot_note")
class PilotNote extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "solution_id", nullable = false)
    public UUID solutionId;

    @Column(nullable = false)
    public String text;

    @Column(nullable = false)
    public String author;

    @Column(name = "written_at", nullable = false)
    public Instant writtenAt;
}
