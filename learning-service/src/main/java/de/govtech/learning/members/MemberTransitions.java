package de.govtech.learning.members;

import java.util.Optional;

/**
 * How a membership event changes a member's status. Events of one municipality arrive in order (Kafka key =
 * municipality id), so the rules only guard against events that make no sense for the current status.
 */
public final class MemberTransitions {

    private MemberTransitions() {
    }

    public static Optional<MemberStatus> suspend(MemberStatus current) {
        return current == MemberStatus.ACTIVE || current == MemberStatus.SUSPENDED
                ? Optional.of(MemberStatus.SUSPENDED) : Optional.empty();
    }

    public static Optional<MemberStatus> reinstate(MemberStatus current) {
        return current == MemberStatus.SUSPENDED || current == MemberStatus.ACTIVE
                ? Optional.of(MemberStatus.ACTIVE) : Optional.empty();
    }

    /** A known member always ends as LEFT. */
    public static Optional<MemberStatus> leave(MemberStatus current) {
        return current == null ? Optional.empty() : Optional.of(MemberStatus.LEFT);
    }
}
