package de.govtech.learning.enrolments;

/**
 * Where a new enrolment goes: a seat while the session has one, else the end of the waitlist. Plain; the caller holds
 * the session's row lock so {@code taken} and {@code lastPosition} cannot change meanwhile.
 */
public final class Seats {

    public record Placement(EnrolmentStatus status, Integer waitlistPosition) {
    }

    private Seats() {
    }

    public static Placement place(int capacity, long taken, int lastPosition) {
        if (taken < capacity) {
            return new Placement(EnrolmentStatus.ENROLLED, null);
        }
        return new Placement(EnrolmentStatus.WAITLISTED, lastPosition + 1);
    }
}
