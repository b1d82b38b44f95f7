package de.govtech.deploy.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The demo courses of the local stack: one per topic of the learning programme, each blended (self-study lessons
 * and a live workshop), so a new user sees a catalogue with workshops to enrol in. Demo data only: titles and texts
 * are written for the stack, not taken from a real curriculum.
 */
final class DemoCourses {

    record DemoCourse(String slug, String title, String topic, String level, String summary, String lesson,
                      String place, int dayOffset) {
    }

    static final List<DemoCourse> ALL = List.of(
            new DemoCourse("demo-ki-im-buergerbuero", "KI im Bürgerbüro (Demo)", "KI", "EINSTIEG",
                    "Was Sprachmodelle im Bürgerservice leisten, wo ihre Grenzen liegen und was die KI-Verordnung verlangt",
                    "Sprachmodelle schreiben Entwürfe, fassen zusammen und beantworten Fragen – prüfen muss ein Mensch.",
                    "Rathaus Heilbronn, Sitzungssaal 2", 28),
            new DemoCourse("demo-cloud-grundlagen", "Cloud-Grundlagen für Kommunen (Demo)", "CLOUD", "EINSTIEG",
                    "Souveräne Cloud, Betriebsmodelle und was beim Umzug eines Fachverfahrens zu beachten ist",
                    "IaaS, PaaS und SaaS unterscheiden sich darin, wer was betreibt – und wer wofür haftet.",
                    null, 30),
            new DemoCourse("demo-informationssicherheit", "Informationssicherheit im Amt (Demo)", "CYBERSECURITY", "EINSTIEG",
                    "Phishing erkennen, Passwörter und Zwei-Faktor-Anmeldung, Vorfälle richtig melden",
                    "Ein verdächtiger Anhang wird nicht geöffnet, sondern der IT gemeldet.",
                    "Kreisverwaltung Heppenheim, Schulungsraum", 32),
            new DemoCourse("demo-daten-nutzen", "Daten der Verwaltung nutzen (Demo)", "DATEN", "FORTGESCHRITTEN",
                    "Offene Daten, Datenschutz und erste Auswertungen mit kommunalen Daten",
                    "Offene Daten sind maschinenlesbar, frei nutzbar und enthalten keine personenbezogenen Angaben.",
                    null, 35),
            new DemoCourse("demo-prozesse-digitalisieren", "Prozesse digitalisieren (Demo)", "PROZESSE", "FORTGESCHRITTEN",
                    "Verwaltungsprozesse aufnehmen, vereinfachen und Ende-zu-Ende digital gestalten (OZG)",
                    "Erst den Prozess verstehen und vereinfachen, dann digitalisieren.",
                    "Stadtverwaltung Eschwege, Raum 104", 37));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private DemoCourses() {
    }

    /** Body of {@code POST /courses} (CourseRequest). */
    static ObjectNode request(DemoCourse course) {
        ObjectNode request = JSON.createObjectNode()
                .put("slug", course.slug())
                .put("title", course.title())
                .put("summary", course.summary())
                .put("description", course.summary() + ". Ein Demo-Kurs des lokalen Stacks: eine Lektion zum Selbststudium "
                        + "und ein Live-Workshop.")
                .put("topic", course.topic())
                .put("level", course.level())
                .put("format", "BLENDED")
                .put("expectedHours", 3.5)
                .put("language", "de");
        ArrayNode lessons = request.putArray("modules").addObject().put("title", "Einführung").putArray("lessons");
        lessons.addObject().put("title", "Das Wichtigste in Kürze").put("kind", "TEXT").put("required", true)
                .put("text", course.lesson());
        return request;
    }

    /** Body of {@code POST /courses/{id}/sessions}: 9–12 o'clock (Berlin), {@code dayOffset} days after {@code today}. */
    static ObjectNode session(DemoCourse course, LocalDate today) {
        LocalDate day = today.plusDays(course.dayOffset());
        Instant starts = day.atTime(LocalTime.of(9, 0)).atZone(BERLIN).toInstant();
        ObjectNode session = JSON.createObjectNode()
                .put("startsAt", starts.toString())
                .put("endsAt", starts.plus(3, ChronoUnit.HOURS).toString())
                .put("capacity", 20)
                .put("registrationDeadline", starts.minus(3, ChronoUnit.DAYS).toString())
                .put("trainer", "Team Lernprogramm GovTech Kommunal (Demo)");
        if (course.place() == null) {
            session.put("onlineUrl", "https://meet.govtech-kommunal.invalid/" + course.slug());
        } else {
            session.put("place", course.place());
        }
        return session;
    }
}
