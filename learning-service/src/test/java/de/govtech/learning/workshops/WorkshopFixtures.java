package de.govtech.learning.workshops;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Workshop sessions written straight into the database. */
public final class WorkshopFixtures {

    private WorkshopFixtures() {
    }

    public static UUID session(UUID courseId, int capacity) {
        return session(courseId, capacity, Instant.now().plus(Duration.ofDays(7)));
    }

    public static UUID session(UUID courseId, int capacity, Instant registrationDeadline) {
        return QuarkusTransaction.requiringNew().call(() -> {
            WorkshopSession session = new WorkshopSession();
            session.id = UUID.randomUUID();
            session.courseId = courseId;
            session.startsAt = Instant.now().plus(Duration.ofDays(14));
            session.endsAt = session.startsAt.plus(Duration.ofHours(3));
            session.place = "Rathaus, Raum 1";
            session.capacity = capacity;
            session.registrationDeadline = registrationDeadline.isAfter(session.startsAt) ? session.startsAt : registrationDeadline;
            session.trainer = "Trainerin Test";
            session.createdAt = Instant.now();
            session.persist();
            return session.id;
        });
    }
}
