package de.govtech.learning.workshops;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A live workshop session (Termin) of a course. Enrolments lock its row to count seats. */
@Entity
@Table(name = "workshop_session")
public class WorkshopSession extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "course_id", nullable = false)
    public UUID courseId;
    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;
    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;
    public String place;
    @Column(name = "online_url")
    public String onlineUrl;
    @Column(nullable = false)
    public int capacity;
    @Column(name = "registration_deadline", nullable = false)
    public Instant registrationDeadline;
    @Column(nullable = false)
    public String trainer;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean registrationOpen(Instant now) {
        return !now.isAfter(registrationDeadline);
    }
}
