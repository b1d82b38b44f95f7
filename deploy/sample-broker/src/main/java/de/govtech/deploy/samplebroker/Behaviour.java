package de.govtech.deploy.samplebroker;

/**
 * How the broker answers provisions of one plan. Deprovisions succeed after the deprovision delay (for {@link #SLOW}
 * plans their answers come late, too).
 */
public enum Behaviour {
    /** 202, then {@code last_operation} answers "succeeded" after the provision delay. */
    SUCCEED,
    /** 202, then {@code last_operation} answers "failed" after the provision delay. */
    FAIL_ASYNC,
    /** The PUT answers 500; the instance is left behind as a "failed" orphan for the platform to delete. */
    FAIL_5XX,
    /** 202, then {@code last_operation} stays "in progress" until the instance is deleted. */
    NEVER_FINISH,
    /** Like SUCCEED, but every PUT, {@code last_operation} and DELETE of the plan's instances is answered only after the provision delay. */
    SLOW,
    /** The PUT creates the instance (as SUCCEED) and answers 202 headers, then trickles the body a byte at a time, never finishing it. */
    HANGING,
    /** The first PUT of an instance answers 408 without creating anything; a repeated PUT behaves as SUCCEED. */
    TIMEOUT_408,
    /** 202; while the provision runs {@code last_operation} answers 410 Gone instead of "in progress", then "succeeded". */
    GONE_410,
    /** The first PUT of an instance answers 422 {@code ConcurrencyError}; a repeated PUT behaves as SUCCEED. */
    CONCURRENCY_422,
    /** The PUT creates the instance and answers 201 with an HTML body instead of the OSB JSON object. */
    MALFORMED,
    /** 202 with an {@code operation} of 1500 and a {@code dashboard_url} of 2500 characters; the instance is created. */
    LONG_VALUES,
    /** 202 with a body of 1 MiB (a huge {@code description}); the instance is created. */
    HUGE_BODY
}
