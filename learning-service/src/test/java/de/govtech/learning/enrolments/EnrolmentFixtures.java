package de.govtech.learning.enrolments;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.List;
import java.util.UUID;

/** Reads enrolments straight from the database. */
public final class EnrolmentFixtures {

    private EnrolmentFixtures() {
    }

    /** An enrolment made straight in the database, placed like the service does (seat or end of waitlist). */
    public static String enrolled(String municipalityId, UUID courseId, UUID sessionId, String learnerId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Seats.Placement placement = sessionId == null ? new Seats.Placement(EnrolmentStatus.ENROLLED, null)
                    : Seats.place(de.govtech.learning.workshops.WorkshopSession.<de.govtech.learning.workshops.WorkshopSession>findById(sessionId).capacity,
                    Enrolment.seatsTaken(sessionId), Enrolment.lastWaitlistPosition(sessionId));
            Enrolment enrolment = Enrolment.create(courseId, sessionId, new Learner(learnerId, "Name " + learnerId),
                    UUID.fromString(municipalityId), placement, "fixture", java.time.Instant.now());
            enrolment.persist();
            return enrolment.id.toString();
        });
    }

    /** A completed enrolment (no certificate), completed at the given instant. */
    public static String completed(String municipalityId, UUID courseId, String learnerId, java.time.Instant at) {
        String id = enrolled(municipalityId, courseId, null, learnerId);
        QuarkusTransaction.requiringNew().run(() -> Enrolment.<Enrolment>findById(UUID.fromString(id)).complete(at));
        return id;
    }

    public static Enrolment enrolment(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Enrolment.<Enrolment>findById(id));
    }

    public static List<Enrolment> ofSession(UUID sessionId) {
        return QuarkusTransaction.requiringNew().call(() ->
                Enrolment.<Enrolment>list("sessionId = ?1 order by createdAt", sessionId));
    }

    public static long ofMunicipality(String municipalityId) {
        return QuarkusTransaction.requiringNew().call(() -> Enrolment.count("municipalityId", UUID.fromString(municipalityId)));
    }
}
