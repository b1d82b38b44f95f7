package de.govtech.learning.enrolments;

import de.govtech.platform.support.problem.ProblemType;

/** Problem types of the enrolment feature. */
public final class EnrolmentProblems {

    public static final ProblemType ALREADY_ENROLLED =
            ProblemType.of("already-enrolled", "The learner is already enrolled in this course", 409);
    public static final ProblemType REGISTRATION_CLOSED =
            ProblemType.of("registration-closed", "The registration deadline of the session has passed", 409);
    public static final ProblemType NOT_OPEN =
            ProblemType.of("enrolment-not-open", "The enrolment is not open", 409);
    public static final ProblemType NO_SESSION =
            ProblemType.of("enrolment-without-session", "The enrolment has no workshop session", 409);
    public static final ProblemType COURSE_NOT_OPEN =
            ProblemType.of("course-not-open", "The course is not published", 409);

    private EnrolmentProblems() {
    }
}
