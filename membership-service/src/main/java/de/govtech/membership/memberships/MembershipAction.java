package de.govtech.membership.memberships;

/** What can happen to a membership. */
public enum MembershipAction {
    APPLY, ADMIT, REJECT, SUSPEND, REINSTATE, GIVE_NOTICE, END
}
