package de.govtech.platform.messaging.inbox;

/** What became of a consumed record. */
public enum ConsumeOutcome {
    /** The handler ran and its effect committed together with the inbox entry. */
    APPLIED,
    /** This consumer had processed the event before; nothing was done. */
    DUPLICATE,
    /** The event's type is not known to this build of the contracts; skipped so newer producers do not block us. */
    UNKNOWN_TYPE,
    /** The record is poison and now lies on the dead-letter topic. */
    DEAD_LETTERED,
    /**
     * The record is poison and this consumer set it aside before (the partition is read again, e.g. after a group
     * reset): it is not set aside a second time. The dead-letter replay applies it once it can be applied.
     */
    ALREADY_DEAD_LETTERED
}
