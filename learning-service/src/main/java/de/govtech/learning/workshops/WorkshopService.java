package de.govtech.learning.workshops;

import de.govtech.learning.courses.Course;
import de.govtech.learning.courses.CourseStatus;
import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.FieldError;
import de.govtech.platform.support.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Workshop sessions of courses: authors create them, learners see them with the seats left. */
@ApplicationScoped
public class WorkshopService {

    static final ProblemType NO_WORKSHOPS = ProblemType.of("course-without-workshops",
            "The course is self-paced or archived and takes no workshop sessions", 409);

    private final Clock clock;
    private final EntityManager entities;

    public WorkshopService(Clock clock, EntityManager entities) {
        this.clock = clock;
        this.entities = entities;
    }

    @Transactional
    public WorkshopSessionView create(UUID courseId, WorkshopSessionRequest body) {
        Course course = Course.findById(courseId);
        if (course == null) {
            throw DomainProblemException.notFound("Course", courseId);
        }
        if (!course.format.hasWorkshops() || course.status == CourseStatus.ARCHIVED) {
            throw new DomainProblemException(NO_WORKSHOPS, "Course " + courseId + " is " + course.format + ", "
                    + course.status + " and takes no workshop sessions");
        }
        List<FieldError> errors = WorkshopRules.check(body);
        if (!errors.isEmpty()) {
            throw new DomainProblemException(ProblemType.UNPROCESSABLE_CONTENT,
                    "The session has " + errors.size() + " invalid value(s).", errors);
        }
        WorkshopSession session = new WorkshopSession();
        session.id = UUID.randomUUID();
        session.courseId = courseId;
        session.startsAt = body.startsAt();
        session.endsAt = body.endsAt();
        session.place = blankToNull(body.place());
        session.onlineUrl = blankToNull(body.onlineUrl());
        session.capacity = body.capacity();
        session.registrationDeadline = body.registrationDeadline();
        session.trainer = body.trainer().strip();
        session.createdAt = clock.instant();
        session.persist();
        return WorkshopSessionView.of(session, 0, 0);
    }

    @Transactional
    public List<WorkshopSessionView> ofCourse(UUID courseId) {
        if (Course.findById(courseId) == null) {
            throw DomainProblemException.notFound("Course", courseId);
        }
        return WorkshopSession.<WorkshopSession>list("courseId = ?1 order by startsAt, id", courseId).stream()
                .map(this::view).toList();
    }

    @Transactional
    public WorkshopSessionView get(UUID id) {
        WorkshopSession session = WorkshopSession.findById(id);
        if (session == null) {
            throw DomainProblemException.notFound("Workshop session", id);
        }
        return view(session);
    }

    private WorkshopSessionView view(WorkshopSession session) {
        Object[] counts = (Object[]) entities.createNativeQuery("""
                select count(*) filter (where status in ('ENROLLED', 'COMPLETED')),
                       count(*) filter (where status = 'WAITLISTED')
                from enrolment where session_id = :session""").setParameter("session", session.id).getSingleResult();
        return WorkshopSessionView.of(session, ((Number) counts[0]).longValue(), ((Number) counts[1]).longValue());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Session rules beyond single fields; plain. */
    static final class WorkshopRules {

        private WorkshopRules() {
        }

        static List<FieldError> check(WorkshopSessionRequest body) {
            List<FieldError> errors = new ArrayList<>();
            if (!body.endsAt().isAfter(body.startsAt())) {
                errors.add(new FieldError("endsAt", "must be after startsAt"));
            }
            if (body.registrationDeadline().isAfter(body.startsAt())) {
                errors.add(new FieldError("registrationDeadline", "must not be after startsAt"));
            }
            if (blankToNull(body.place()) == null && blankToNull(body.onlineUrl()) == null) {
                errors.add(new FieldError("place", "a session needs a place or an onlineUrl"));
            }
            if (blankToNull(body.onlineUrl()) != null && !isHttps(body.onlineUrl())) {
                errors.add(new FieldError("onlineUrl", "must be an https URL"));
            }
            return errors;
        }

        private static boolean isHttps(String value) {
            try {
                URI uri = new URI(value.strip());
                return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
            } catch (Exception e) {
                return false;
            }
        }
    }
}
