package de.govtech.platform.messaging.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * Readiness of the outbox: UP with the backlog figures while events reach Kafka, DOWN when the oldest unpublished
 * event is older than {@code govtech.outbox.backlog-alarm} (Kafka gone, or the relay stuck, for that long).
 */
@Readiness
@ApplicationScoped
class OutboxHealthCheck implements HealthCheck {

    private final OutboxMetrics metrics;
    private final OutboxConfig config;

    OutboxHealthCheck(OutboxMetrics metrics, OutboxConfig config) {
        this.metrics = metrics;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        OutboxRepository.Backlog backlog = metrics.backlog();
        Duration oldest = Duration.ofMillis((long) (backlog.oldestAgeSeconds() * 1000));
        return HealthCheckResponse.named("outbox")
                .status(oldest.compareTo(config.backlogAlarm()) <= 0)
                .withData("pending", backlog.pending())
                .withData("oldestPendingSeconds", oldest.toSeconds())
                .withData("parked", backlog.parked())
                .build();
    }
}
