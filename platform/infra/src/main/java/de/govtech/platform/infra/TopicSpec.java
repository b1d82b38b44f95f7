package de.govtech.platform.infra;

import java.time.Duration;
import java.util.Objects;

/** A Kafka topic the platform needs: name, partition count and retention. */
public record TopicSpec(String name, int partitions, Duration retention) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(retention, "retention");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Topic name must not be blank");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("Topic " + name + " needs at least one partition");
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("Topic " + name + " needs a positive retention");
        }
    }
}
