package de.govtech.membership.memberships;

import java.util.Map;

import static de.govtech.membership.memberships.MembershipAction.ADMIT;
import static de.govtech.membership.memberships.MembershipAction.END;
import static de.govtech.membership.memberships.MembershipAction.GIVE_NOTICE;
import static de.govtech.membership.memberships.MembershipAction.REINSTATE;
import static de.govtech.membership.memberships.MembershipAction.REJECT;
import static de.govtech.membership.memberships.MembershipAction.SUSPEND;
import static de.govtech.membership.memberships.MembershipStatus.ACTIVE;
import static de.govtech.membership.memberships.MembershipStatus.APPLIED;
import static de.govtech.membership.memberships.MembershipStatus.ENDED;
import static de.govtech.membership.memberships.MembershipStatus.NOTICE_GIVEN;
import static de.govtech.membership.memberships.MembershipStatus.REJECTED;
import static de.govtech.membership.memberships.MembershipStatus.SUSPENDED;

/**
 * The legal transitions of a membership:
 * <pre>
 *   (none)  --APPLY-->       APPLIED
 *   APPLIED --ADMIT-->       ACTIVE        (member-joined)
 *   APPLIED --REJECT-->      REJECTED
 *   ACTIVE  --SUSPEND-->     SUSPENDED     (member-suspended)
 *   SUSPENDED --REINSTATE--> ACTIVE        (member-reinstated)
 *   ACTIVE  --GIVE_NOTICE--> NOTICE_GIVEN
 *   NOTICE_GIVEN --END-->    ENDED         (member-left)
 * </pre>
 * Everything else is illegal. A suspended member is reinstated before it can give notice; a member who gave
 * notice is not suspended any more (it leaves anyway).
 */
public final class MembershipStateMachine {

    private static final Map<MembershipStatus, Map<MembershipAction, MembershipStatus>> LEGAL = Map.of(
            APPLIED, Map.of(ADMIT, ACTIVE, REJECT, REJECTED),
            ACTIVE, Map.of(SUSPEND, SUSPENDED, GIVE_NOTICE, NOTICE_GIVEN),
            SUSPENDED, Map.of(REINSTATE, ACTIVE),
            NOTICE_GIVEN, Map.of(END, ENDED),
            REJECTED, Map.of(),
            ENDED, Map.of());

    private MembershipStateMachine() {
    }

    /**
     * The state after {@code action}; {@code from} is {@code null} for a membership that does not exist yet.
     *
     * @throws IllegalTransitionException when the action is not allowed in {@code from}
     */
    public static MembershipStatus next(MembershipStatus from, MembershipAction action) {
        if (from == null) {
            if (action == MembershipAction.APPLY) {
                return APPLIED;
            }
            throw new IllegalTransitionException(null, action);
        }
        MembershipStatus to = LEGAL.get(from).get(action);
        if (to == null) {
            throw new IllegalTransitionException(from, action);
        }
        return to;
    }

    /** An open membership blocks a new application for the same municipality. */
    public static boolean isOpen(MembershipStatus status) {
        return status != ENDED && status != REJECTED;
    }
}
