package de.govtech.solutions.pilots;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The pilot of a solution (one per solution): its plan; partners, municipalities and notes hang off it. */
@Entity
@Table(name = "pilot")
class Pilot extends PanacheEntityBase {

    @Id
    @Column(name = "solution_id")
    public UUID solutionId;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Replaces the plan: start date and milestones in the given order. */
    void plan(LocalDate start, List<PilotRequests.Milestone> milestones) {
        startsOn = start;
        PilotMilestone.delete("solutionId", solutionId);
        PilotMilestone.flush();
        for (int i = 0; i < milestones.size(); i++) {
            PilotMilestone milestone = new PilotMilestone();
            milestone.solutionId = solutionId;
            milestone.position = i;
            milestone.title = milestones.get(i).title().strip();
            milestone.dueOn = milestones.get(i).dueDate();
            milestone.persist();
        }
    }

    static Optional<Pilot> forUpdate(UUID solutionId) {
        return findByIdOptional(solutionId, LockModeType.PESSIMISTIC_WRITE);
    }
}
