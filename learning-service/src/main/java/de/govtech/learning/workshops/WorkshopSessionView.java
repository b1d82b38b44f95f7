package de.govtech.learning.workshops;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

@Schema(name = "WorkshopSession", description = "A workshop session with its times as instants and in local time "
        + "(Europe/Berlin), and how full it is",
        examples = """
        {"id": "0e8f7c7a-6f1e-4c55-9f39-0c1d8d9f4a11", "courseId": "5b6f0b0e-3c0a-4a59-9f0c-2a1c6f1d9e01",
         "startsAt": "2026-03-10T08:00:00Z", "endsAt": "2026-03-10T12:00:00Z",
         "startsAtLocal": "2026-03-10T09:00:00+01:00", "endsAtLocal": "2026-03-10T13:00:00+01:00", "timeZone": "Europe/Berlin",
         "place": "Rathaus Heilbronn, Sitzungssaal 2", "onlineUrl": "https://meet.govtech-kommunal.de/ki-werkstatt",
         "capacity": 12, "seatsTaken": 7, "waitlisted": 0,
         "registrationDeadline": "2026-03-03T22:59:59Z", "registrationDeadlineLocal": "2026-03-03T23:59:59+01:00",
         "trainer": "Dr. Kim Beispiel"}""")
public record WorkshopSessionView(
        UUID id,
        UUID courseId,
        @Schema(examples = "2026-03-10T08:00:00Z") Instant startsAt,
        @Schema(examples = "2026-03-10T12:00:00Z") Instant endsAt,
        @Schema(description = "startsAt in Europe/Berlin", examples = "2026-03-10T09:00:00+01:00") OffsetDateTime startsAtLocal,
        @Schema(description = "endsAt in Europe/Berlin", examples = "2026-03-10T13:00:00+01:00") OffsetDateTime endsAtLocal,
        @Schema(examples = "Europe/Berlin") String timeZone,
        String place,
        String onlineUrl,
        @Schema(examples = "12") int capacity,
        @Schema(description = "seats taken (enrolled or completed)", examples = "7") long seatsTaken,
        @Schema(description = "learners on the waitlist", examples = "0") long waitlisted,
        Instant registrationDeadline,
        @Schema(examples = "2026-03-03T23:59:59+01:00") OffsetDateTime registrationDeadlineLocal,
        @Schema(examples = "Dr. Kim Beispiel") String trainer) {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static WorkshopSessionView of(WorkshopSession session, long seatsTaken, long waitlisted) {
        return new WorkshopSessionView(session.id, session.courseId, session.startsAt, session.endsAt,
                local(session.startsAt), local(session.endsAt), BERLIN.getId(), session.place, session.onlineUrl,
                session.capacity, seatsTaken, waitlisted, session.registrationDeadline,
                local(session.registrationDeadline), session.trainer);
    }

    private static OffsetDateTime local(Instant instant) {
        return instant.atZone(BERLIN).toOffsetDateTime();
    }
}
