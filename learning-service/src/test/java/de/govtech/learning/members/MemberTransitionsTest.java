package de.govtech.learning.members;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MemberTransitionsTest {

    @Test
    void onlyKnownMembersAreSuspendedReinstatedOrLeave() {
        assertEquals(Optional.of(MemberStatus.SUSPENDED), MemberTransitions.suspend(MemberStatus.ACTIVE));
        assertEquals(Optional.empty(), MemberTransitions.suspend(MemberStatus.LEFT));
        assertEquals(Optional.empty(), MemberTransitions.suspend(null));
        assertEquals(Optional.of(MemberStatus.ACTIVE), MemberTransitions.reinstate(MemberStatus.SUSPENDED));
        assertEquals(Optional.empty(), MemberTransitions.reinstate(MemberStatus.LEFT));
        assertEquals(Optional.of(MemberStatus.LEFT), MemberTransitions.leave(MemberStatus.SUSPENDED));
        assertEquals(Optional.empty(), MemberTransitions.leave(null));
    }
}
