package de.govtech.platform.messaging.inbox;

import java.util.List;

/**
 * What a replay of the dead-letter topic did: records read, applied now, already applied before (a replay is
 * idempotent), still poison (left on the topic), and records of consumers this instance does not run.
 */
public record ReplayReport(String topic, int read, int applied, int alreadyApplied, int stillPoison,
                           List<String> unknownConsumers) {
}
