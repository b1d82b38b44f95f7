package de.govtech.membership.memberships;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumMap;
import java.util.Map;

import static de.govtech.membership.memberships.MembershipAction.ADMIT;
import static de.govtech.membership.memberships.MembershipAction.APPLY;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MembershipStateMachineTest {

    /** The complete table of legal transitions; every other (state, action) pair must be refused. */
    private static final Map<MembershipStatus, Map<MembershipAction, MembershipStatus>> LEGAL = new EnumMap<>(Map.of(
            APPLIED, Map.of(ADMIT, ACTIVE, REJECT, REJECTED),
            ACTIVE, Map.of(SUSPEND, SUSPENDED, GIVE_NOTICE, NOTICE_GIVEN),
            SUSPENDED, Map.of(REINSTATE, ACTIVE),
            NOTICE_GIVEN, Map.of(END, ENDED),
            REJECTED, Map.of(),
            ENDED, Map.of()));

    @Test
    void applyingStartsAnApplication() {
        assertEquals(APPLIED, MembershipStateMachine.next(null, APPLY));
    }

    @ParameterizedTest
    @EnumSource(value = MembershipAction.class, names = "APPLY", mode = EnumSource.Mode.EXCLUDE)
    void nothingButApplyingWithoutAMembership(MembershipAction action) {
        assertThrows(IllegalTransitionException.class, () -> MembershipStateMachine.next(null, action));
    }

    @ParameterizedTest
    @EnumSource(MembershipStatus.class)
    void everyStateAllowsExactlyItsLegalActions(MembershipStatus from) {
        for (MembershipAction action : MembershipAction.values()) {
            MembershipStatus expected = LEGAL.get(from).get(action);
            if (expected != null) {
                assertEquals(expected, MembershipStateMachine.next(from, action), from + " --" + action);
            } else {
                IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                        () -> MembershipStateMachine.next(from, action), from + " --" + action);
                assertEquals(409, refused.problemType().status());
                assertEquals("illegal-transition", refused.problemType().kind());
            }
        }
    }

    @Test
    void onlyEndedAndRejectedAreClosed() {
        assertFalse(MembershipStateMachine.isOpen(ENDED));
        assertFalse(MembershipStateMachine.isOpen(REJECTED));
        for (MembershipStatus open : new MembershipStatus[] {APPLIED, ACTIVE, SUSPENDED, NOTICE_GIVEN}) {
            assertTrue(MembershipStateMachine.isOpen(open));
        }
    }
}
