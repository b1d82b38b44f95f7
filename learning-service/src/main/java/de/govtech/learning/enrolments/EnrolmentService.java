package de.govtech.learning.enrolments;

import de.govtech.learning.courses.Course;
import de.govtech.learning.members.Members;
import de.govtech.platform.support.security.Caller;
import de.govtech.learning.workshops.WorkshopSession;
import de.govtech.platform.support.persistence.UniqueViolations;
import de.govtech.platform.events.learning.EnrolmentCancelled;
import de.govtech.platform.events.learning.EnrolmentCreated;
import de.govtech.platform.events.learning.EnrolmentPromoted;
import de.govtech.platform.messaging.outbox.Outbox;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.paging.PageRequest;
import de.govtech.platform.support.problem.DomainProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Enrolment, cancellation and the waitlist. Every change of a session's seats happens under a row lock on the session
 * ({@code SELECT … FOR UPDATE}), so concurrent enrolments are serialised per session: no overbooking, dense waitlist
 * positions, and a freed seat goes to exactly one waitlisted learner.
 */
@ApplicationScoped
public class EnrolmentService {

    private final Clock clock;
    private final Outbox outbox;
    private final Members members;

    public EnrolmentService(Clock clock, Outbox outbox, Members members) {
        this.clock = clock;
        this.outbox = outbox;
        this.members = members;
    }

    @Transactional
    public EnrolmentView enrol(Caller caller, EnrolmentRequest request) {
        Learner learner = learner(caller, request);
        UUID municipality = caller.requireMunicipality();
        members.requireActive(municipality);
        Course course = Course.findById(request.courseId());
        if (course == null) {
            throw DomainProblemException.unprocessable("Course " + request.courseId() + " does not exist", "courseId");
        }
        if (!course.isPublished()) {
            throw new DomainProblemException(EnrolmentProblems.COURSE_NOT_OPEN,
                    "Course " + course.id + " is " + course.status + " and open for no enrolment");
        }
        Instant now = clock.instant();
        Seats.Placement placement = new Seats.Placement(EnrolmentStatus.ENROLLED, null);
        UUID sessionId = request.workshopSessionId();
        if (!course.format.hasWorkshops() && sessionId != null) {
            throw DomainProblemException.unprocessable("A self-paced course has no workshop sessions", "workshopSessionId");
        }
        if (course.format.hasWorkshops()) {
            if (sessionId == null) {
                throw DomainProblemException.unprocessable("A workshop course is booked for a session", "workshopSessionId");
            }
            WorkshopSession session = WorkshopSession.findById(sessionId);
            if (session == null || !session.courseId.equals(course.id)) {
                throw DomainProblemException.unprocessable("Session " + sessionId + " is no session of course " + course.id,
                        "workshopSessionId");
            }
            if (!session.registrationOpen(now)) {
                throw new DomainProblemException(EnrolmentProblems.REGISTRATION_CLOSED,
                        "Registration for session " + sessionId + " closed at " + session.registrationDeadline);
            }
            lockSession(sessionId);
            placement = Seats.place(session.capacity, Enrolment.seatsTaken(sessionId), Enrolment.lastWaitlistPosition(sessionId));
        }
        if (Enrolment.hasOpen(course.id, learner.id())) {
            throw alreadyEnrolled(learner, course);
        }
        Enrolment enrolment = Enrolment.create(course.id, sessionId, learner, municipality, placement, caller.subject(), now);
        try {
            enrolment.persistAndFlush();
        } catch (PersistenceException e) {
            if (UniqueViolations.of(e, "enrolment_open_per_learner_idx")) {
                throw alreadyEnrolled(learner, course);
            }
            throw e;
        }
        outbox.append(new EnrolmentCreated(enrolment.id, course.id, sessionId, learner.id(), municipality,
                enrolment.status.name(), enrolment.waitlistPosition, now));
        return EnrolmentView.of(enrolment, List.of());
    }

    @Transactional
    public EnrolmentView cancel(Caller caller, UUID id, String reason) {
        Enrolment enrolment = visible(caller, id);
        if (!EnrolmentAccess.mayCancel(caller, enrolment)) {
            throw DomainProblemException.forbidden("You may not cancel this enrolment");
        }
        cancel(enrolment, reason, clock.instant());
        return view(enrolment);
    }

    /** Cancels an open enrolment in the current transaction; a freed seat goes to the first on the waitlist. */
    void cancel(Enrolment enrolment, String reason, Instant at) {
        UUID sessionId = enrolment.sessionId;
        if (sessionId != null) {
            lockSession(sessionId);
            Enrolment.getEntityManager().refresh(enrolment);
        }
        boolean heldASeat = enrolment.status == EnrolmentStatus.ENROLLED;
        Optional<Integer> gaveUp = enrolment.cancel(reason, at);
        Enrolment.getEntityManager().flush();
        if (sessionId != null && gaveUp.isPresent()) {
            Enrolment.closeWaitlistGap(sessionId, gaveUp.get());
        } else if (sessionId != null && heldASeat) {
            Enrolment.firstWaitlisted(sessionId).ifPresent(next -> {
                Enrolment.getEntityManager().refresh(next);
                int position = next.waitlistPosition;
                next.promote(at);
                Enrolment.getEntityManager().flush();
                Enrolment.closeWaitlistGap(sessionId, position);
                outbox.append(new EnrolmentPromoted(next.id, next.courseId, sessionId, next.learnerId,
                        next.municipalityId, at));
            });
        }
        outbox.append(new EnrolmentCancelled(enrolment.id, enrolment.courseId, sessionId, enrolment.learnerId,
                enrolment.municipalityId, reason, at));
    }

    /** Cancels every open enrolment of a municipality (it left the association). */
    void cancelAllOf(UUID municipalityId, String reason) {
        Instant at = clock.instant();
        for (Enrolment enrolment : Enrolment.openOf(municipalityId)) {
            cancel(enrolment, reason, at);
        }
    }

    @Transactional
    public EnrolmentView get(Caller caller, UUID id) {
        return view(visible(caller, id));
    }

    @Transactional
    public Page<EnrolmentView> list(Caller caller, Optional<UUID> courseId, Optional<EnrolmentStatus> status,
                                    Optional<String> learnerId, PageRequest paging) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (!caller.isPlatformAdmin()) {
            where.add("municipalityId = :municipality");
            parameters.and("municipality", caller.requireMunicipality());
            if (!caller.isMunicipalityAdmin()) {
                learnerId = Optional.of(caller.subject());
            }
        }
        courseId.ifPresent(id -> {
            where.add("courseId = :course");
            parameters.and("course", id);
        });
        status.ifPresent(s -> {
            where.add("status = :status");
            parameters.and("status", s);
        });
        learnerId.ifPresent(learner -> {
            where.add("learnerId = :learner");
            parameters.and("learner", learner);
        });
        Sort order = Sort.by("createdAt", Sort.Direction.Descending).and("id");
        PanacheQuery<Enrolment> query = where.isEmpty() ? Enrolment.findAll(order)
                : Enrolment.find(String.join(" and ", where), order, parameters);
        List<EnrolmentView> items = query.page(paging.page, paging.size).list().stream().map(EnrolmentService::view).toList();
        return new Page<>(items, paging.page, paging.size, query.count());
    }

    /** An enrolment the caller may see; others' are reported as missing. */
    public static Enrolment visible(Caller caller, UUID id) {
        Enrolment enrolment = Enrolment.findById(id);
        if (enrolment == null || !EnrolmentAccess.mayRead(caller, enrolment)) {
            throw DomainProblemException.notFound("Enrolment", id);
        }
        return enrolment;
    }

    public static EnrolmentView view(Enrolment enrolment) {
        return EnrolmentView.of(enrolment, LessonCompletion.lessonsOf(enrolment.id));
    }

    private static void lockSession(UUID sessionId) {
        WorkshopSession.getEntityManager()
                .createNativeQuery("select id from workshop_session where id = :id for update")
                .setParameter("id", sessionId).getSingleResult();
    }

    private static Learner learner(Caller caller, EnrolmentRequest request) {
        if (request.learnerId() == null || request.learnerId().equals(caller.subject())) {
            return new Learner(caller.subject(), caller.displayName());
        }
        if (!caller.isMunicipalityAdmin()) {
            throw DomainProblemException.forbidden("Only a municipality admin enrols someone else");
        }
        if (request.learnerName() == null || request.learnerName().isBlank()) {
            throw DomainProblemException.unprocessable("The name of the learner to enrol is missing", "learnerName");
        }
        return new Learner(request.learnerId().strip(), request.learnerName().strip());
    }

    private static DomainProblemException alreadyEnrolled(Learner learner, Course course) {
        return new DomainProblemException(EnrolmentProblems.ALREADY_ENROLLED,
                "Learner " + learner.id() + " is already enrolled in course " + course.id);
    }
}
