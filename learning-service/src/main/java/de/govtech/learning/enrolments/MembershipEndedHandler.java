package de.govtech.learning.enrolments;

import de.govtech.learning.members.MemberStatus;
import de.govtech.learning.members.MemberStatusChanged;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** When a municipality leaves, its open enrolments are cancelled (in the inbox transaction) and seats go onwards. */
@ApplicationScoped
public class MembershipEndedHandler {

    static final String REASON = "Die Mitgliedschaft der Kommune ist beendet";

    private final EnrolmentService enrolments;

    public MembershipEndedHandler(EnrolmentService enrolments) {
        this.enrolments = enrolments;
    }

    void onStatusChange(@Observes MemberStatusChanged change) {
        if (change.current() == MemberStatus.LEFT) {
            Log.infof("Municipality %s left: cancelling its open enrolments", change.municipalityId());
            enrolments.cancelAllOf(change.municipalityId(), REASON);
        }
    }
}
