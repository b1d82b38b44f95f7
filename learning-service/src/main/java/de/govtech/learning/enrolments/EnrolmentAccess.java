package de.govtech.learning.enrolments;

import de.govtech.platform.support.security.Caller;

/**
 * Who may see and change an enrolment: the learner themself, the admin of the learner's municipality, platform
 * admins. Nobody else — another municipality's enrolments answer 404.
 */
public final class EnrolmentAccess {

    private EnrolmentAccess() {
    }

    public static boolean mayRead(Caller caller, Enrolment enrolment) {
        return caller.isPlatformAdmin() || caller.mayAdminister(enrolment.municipalityId)
                || (caller.actsFor(enrolment.municipalityId) && caller.subject().equals(enrolment.learnerId));
    }

    public static boolean mayCancel(Caller caller, Enrolment enrolment) {
        return mayRead(caller, enrolment);
    }

    /** Lesson progress is the learner's own doing. */
    public static boolean mayLearn(Caller caller, Enrolment enrolment) {
        return caller.actsFor(enrolment.municipalityId) && caller.subject().equals(enrolment.learnerId);
    }
}
