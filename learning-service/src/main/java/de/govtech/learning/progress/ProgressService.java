package de.govtech.learning.progress;

import de.govtech.learning.certificates.CertificateService;
import de.govtech.learning.courses.Course;
import de.govtech.learning.courses.Lesson;
import de.govtech.learning.courses.LessonKind;
import de.govtech.learning.enrolments.Enrolment;
import de.govtech.learning.enrolments.EnrolmentAccess;
import de.govtech.learning.enrolments.EnrolmentProblems;
import de.govtech.learning.enrolments.EnrolmentService;
import de.govtech.learning.enrolments.EnrolmentStatus;
import de.govtech.learning.enrolments.EnrolmentView;
import de.govtech.learning.enrolments.LessonCompletion;
import de.govtech.platform.support.security.Caller;
import de.govtech.platform.events.learning.CourseCompleted;
import de.govtech.platform.messaging.outbox.Outbox;
import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.FieldError;
import de.govtech.platform.support.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Lesson completion, quiz attempts and workshop attendance; after each, the course's completion criteria are evaluated
 * under a row lock on the enrolment, so course-completed and the certificate happen exactly once.
 */
@ApplicationScoped
public class ProgressService {

    static final ProblemType QUIZ_BY_ATTEMPT = ProblemType.of("quiz-completed-by-attempt",
            "A quiz lesson is completed by passing an attempt", 409);

    private final Clock clock;
    private final Outbox outbox;
    private final CertificateService certificates;

    public ProgressService(Clock clock, Outbox outbox, CertificateService certificates) {
        this.clock = clock;
        this.outbox = outbox;
        this.certificates = certificates;
    }

    @Transactional
    public EnrolmentView completeLesson(Caller caller, UUID enrolmentId, UUID lessonId) {
        Enrolment enrolment = learning(caller, enrolmentId);
        Course course = Course.findById(enrolment.courseId);
        Lesson lesson = lesson(course, lessonId);
        if (lesson.kind() == LessonKind.QUIZ) {
            throw new DomainProblemException(QUIZ_BY_ATTEMPT, "Lesson " + lessonId + " is a quiz: pass an attempt");
        }
        Instant now = clock.instant();
        recordCompletion(enrolment.id, lessonId, now);
        evaluate(enrolment, course, now);
        return EnrolmentService.view(enrolment);
    }

    @Transactional
    public AttemptView attempt(Caller caller, UUID enrolmentId, UUID lessonId, AttemptRequest request) {
        Enrolment enrolment = learning(caller, enrolmentId);
        Course course = Course.findById(enrolment.courseId);
        Lesson lesson = lesson(course, lessonId);
        if (lesson.kind() != LessonKind.QUIZ) {
            throw DomainProblemException.notFound("Quiz", lessonId);
        }
        List<FieldError> errors = QuizGrader.check(lesson.quiz(), request.answers());
        if (!errors.isEmpty()) {
            throw new DomainProblemException(ProblemType.UNPROCESSABLE_CONTENT,
                    "The attempt has " + errors.size() + " invalid value(s).", errors);
        }
        QuizGrader.Grade grade = QuizGrader.grade(lesson.quiz(), request.answers());
        Instant now = clock.instant();
        QuizAttempt attempt = new QuizAttempt();
        attempt.id = UUID.randomUUID();
        attempt.enrolmentId = enrolment.id;
        attempt.lessonId = lessonId;
        attempt.answers = ProgressJson.write(request.answers());
        attempt.scorePercent = grade.scorePercent();
        attempt.passed = grade.passed();
        attempt.attemptedAt = now;
        attempt.persist();
        if (grade.passed()) {
            recordCompletion(enrolment.id, lessonId, now);
            evaluate(enrolment, course, now);
        }
        return new AttemptView(attempt.id, enrolment.id, lessonId, grade.scorePercent(), grade.passed(), grade.questions(), now);
    }

    @Transactional
    public List<AttemptView> attempts(Caller caller, UUID enrolmentId, UUID lessonId) {
        Enrolment enrolment = EnrolmentService.visible(caller, enrolmentId);
        Course course = Course.findById(enrolment.courseId);
        Lesson lesson = lesson(course, lessonId);
        if (lesson.kind() != LessonKind.QUIZ) {
            throw DomainProblemException.notFound("Quiz", lessonId);
        }
        return QuizAttempt.<QuizAttempt>list("enrolmentId = ?1 and lessonId = ?2 order by attemptedAt, id", enrolment.id, lessonId)
                .stream().map(a -> new AttemptView(a.id, a.enrolmentId, a.lessonId, a.scorePercent, a.passed,
                        QuizGrader.grade(lesson.quiz(), ProgressJson.answers(a.answers)).questions(), a.attemptedAt))
                .toList();
    }

    /** A trainer (author) or platform admin records that the learner attended their workshop session. */
    @Transactional
    public EnrolmentView markAttended(UUID enrolmentId) {
        Enrolment enrolment = Enrolment.findById(enrolmentId, LockModeType.PESSIMISTIC_WRITE);
        if (enrolment == null) {
            throw DomainProblemException.notFound("Enrolment", enrolmentId);
        }
        enrolment.markAttended();
        evaluate(enrolment, Course.findById(enrolment.courseId), clock.instant());
        return EnrolmentService.view(enrolment);
    }

    private void evaluate(Enrolment enrolment, Course course, Instant at) {
        if (enrolment.isCompleted()) {
            return;
        }
        List<Lesson> lessons = course.lessons();
        Set<UUID> completed = new HashSet<>(LessonCompletion.lessonsOf(enrolment.id));
        Set<UUID> quizzes = lessons.stream().filter(l -> l.kind() == LessonKind.QUIZ).map(Lesson::id).collect(Collectors.toSet());
        Set<UUID> passed = completed.stream().filter(quizzes::contains).collect(Collectors.toSet());
        LearnerRecord record = new LearnerRecord(lessons.stream().map(Lesson::id).collect(Collectors.toSet()),
                lessons.stream().filter(Lesson::required).map(Lesson::id).collect(Collectors.toSet()),
                completed, passed, enrolment.attended);
        if (CompletionRule.isComplete(course.completionCriteria(), record)) {
            enrolment.complete(at);
            outbox.append(new CourseCompleted(enrolment.id, course.id, enrolment.learnerId, enrolment.municipalityId, at));
            certificates.issue(enrolment, course, at);
        }
    }

    /** The caller's own enrolment, locked, in a state to learn in. */
    private static Enrolment learning(Caller caller, UUID enrolmentId) {
        Enrolment enrolment = EnrolmentService.visible(caller, enrolmentId);
        if (!EnrolmentAccess.mayLearn(caller, enrolment)) {
            throw DomainProblemException.forbidden("Only the learner records their own progress");
        }
        Enrolment.getEntityManager().lock(enrolment, LockModeType.PESSIMISTIC_WRITE);
        Enrolment.getEntityManager().refresh(enrolment);
        if (enrolment.status != EnrolmentStatus.ENROLLED && enrolment.status != EnrolmentStatus.COMPLETED) {
            throw new DomainProblemException(EnrolmentProblems.NOT_OPEN, "Enrolment " + enrolmentId + " is "
                    + enrolment.status + "; learning starts with a seat");
        }
        return enrolment;
    }

    private static Lesson lesson(Course course, UUID lessonId) {
        return course.lessons().stream().filter(l -> l.id().equals(lessonId)).findFirst()
                .orElseThrow(() -> DomainProblemException.notFound("Lesson", lessonId));
    }

    private static void recordCompletion(UUID enrolmentId, UUID lessonId, Instant at) {
        LessonCompletion.Key key = new LessonCompletion.Key(enrolmentId, lessonId);
        if (LessonCompletion.findById(key) == null) {
            LessonCompletion completion = new LessonCompletion();
            completion.key = key;
            completion.completedAt = at;
            completion.persist();
        }
    }
}
