package de.govtech.deploy.samplebroker;

/** How the broker answers provisions of one plan. Deprovisions always succeed after the deprovision delay. */
public enum Behaviour {
    /** 202, then {@code last_operation} answers "succeeded" after the provision delay. */
    SUCCEED,
    /** 202, then {@code last_operation} answers "failed" after the provision delay. */
    FAIL_ASYNC,
    /** The PUT answers 500; the instance is left behind as a "failed" orphan for the platform to delete. */
    FAIL_5XX,
    /** 202, then {@code last_operation} stays "in progress" until the instance is deleted. */
    NEVER_FINISH
}
