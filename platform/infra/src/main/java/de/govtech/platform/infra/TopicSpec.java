package de.govtech.platform.infra;

import java.time.Duration;
import java.util.Objects;

/** A Kafka topic the platform needs: name, partition count and retention ({@code null}: records are kept for good). */
public record TopicSpec(String name, int partitions, Duration retention) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Topic name must not be blank");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("Topic " + name + " needs at least one partition");
        }
        if (retention != null && (retention.isNegative() || retention.isZero())) {
            throw new IllegalArgumentException("Topic " + name + " needs a positive retention");
        }
    }

    /** Kafka's {@code retention.ms}: -1 for unlimited. */
    public long retentionMs() {
        return retention == null ? -1 : retention.toMillis();
    }
}
