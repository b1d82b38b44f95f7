package de.govtech.learning.enrolments;

import de.govtech.platform.support.problem.DomainProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A learner's enrolment (Anmeldung) in a course, and for workshops in a session; its state changes live here. */
@Entity
@Table(name = "enrolment")
public class Enrolment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "course_id", nullable = false)
    public UUID courseId;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "learner_id", nullable = false)
    public String learnerId;
    @Column(name = "learner_name", nullable = false)
    public String learnerName;
    @Column(name = "municipality_id", nullable = false)
    public UUID municipalityId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EnrolmentStatus status;
    @Column(name = "waitlist_position")
    public Integer waitlistPosition;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "promoted_at")
    public Instant promotedAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Column(nullable = false)
    public boolean attended;
    @Column(name = "completed_at")
    public Instant completedAt;

    static Enrolment create(UUID courseId, UUID sessionId, Learner learner, UUID municipalityId,
                            Seats.Placement placement, String by, Instant at) {
        Enrolment enrolment = new Enrolment();
        enrolment.id = UUID.randomUUID();
        enrolment.courseId = courseId;
        enrolment.sessionId = sessionId;
        enrolment.learnerId = learner.id();
        enrolment.learnerName = learner.name();
        enrolment.municipalityId = municipalityId;
        enrolment.status = placement.status();
        enrolment.waitlistPosition = placement.waitlistPosition();
        enrolment.createdAt = at;
        enrolment.createdBy = by;
        return enrolment;
    }

    /** Cancels an open enrolment; returns the waitlist position it gave up, if it had one. */
    Optional<Integer> cancel(String reason, Instant at) {
        if (!status.isOpen()) {
            throw new DomainProblemException(EnrolmentProblems.NOT_OPEN, "Enrolment " + id + " is " + status);
        }
        Integer position = waitlistPosition;
        status = EnrolmentStatus.CANCELLED;
        waitlistPosition = null;
        cancelledAt = at;
        cancelReason = reason;
        return Optional.ofNullable(position);
    }

    void promote(Instant at) {
        status = EnrolmentStatus.ENROLLED;
        waitlistPosition = null;
        promotedAt = at;
    }

    public void markAttended() {
        if (sessionId == null) {
            throw new DomainProblemException(EnrolmentProblems.NO_SESSION, "Enrolment " + id + " has no workshop session");
        }
        if (status != EnrolmentStatus.ENROLLED && status != EnrolmentStatus.COMPLETED) {
            throw new DomainProblemException(EnrolmentProblems.NOT_OPEN, "Enrolment " + id + " is " + status
                    + "; only an enrolled learner attends");
        }
        attended = true;
    }

    public void complete(Instant at) {
        status = EnrolmentStatus.COMPLETED;
        completedAt = at;
    }

    public boolean isCompleted() {
        return status == EnrolmentStatus.COMPLETED;
    }

    static long seatsTaken(UUID sessionId) {
        return count("sessionId = ?1 and status in ?2", sessionId,
                List.of(EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED));
    }

    static long waitlisted(UUID sessionId) {
        return count("sessionId = ?1 and status = ?2", sessionId, EnrolmentStatus.WAITLISTED);
    }

    static int lastWaitlistPosition(UUID sessionId) {
        Integer last = getEntityManager().createQuery("select max(e.waitlistPosition) from Enrolment e "
                + "where e.sessionId = :session and e.status = :status", Integer.class)
                .setParameter("session", sessionId).setParameter("status", EnrolmentStatus.WAITLISTED).getSingleResult();
        return last == null ? 0 : last;
    }

    static Optional<Enrolment> firstWaitlisted(UUID sessionId) {
        return find("sessionId = ?1 and status = ?2 order by waitlistPosition", sessionId, EnrolmentStatus.WAITLISTED)
                .firstResultOptional();
    }

    /** Closes the gap a left waitlist position leaves: everyone behind moves up by one. */
    static void closeWaitlistGap(UUID sessionId, int position) {
        update("waitlistPosition = waitlistPosition - 1 where sessionId = ?1 and status = ?2 and waitlistPosition > ?3",
                sessionId, EnrolmentStatus.WAITLISTED, position);
    }

    static boolean hasOpen(UUID courseId, String learnerId) {
        return count("courseId = ?1 and learnerId = ?2 and status <> ?3", courseId, learnerId, EnrolmentStatus.CANCELLED) > 0;
    }

    /** Open enrolments of a municipality, waitlisted ones first (so leaving does not promote its own staff). */
    static List<Enrolment> openOf(UUID municipalityId) {
        return list("municipalityId = ?1 and status in ?2 order by status desc, waitlistPosition desc",
                municipalityId, List.of(EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITLISTED));
    }
}
