package de.govtech.platform.messaging.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * Gauges of the outbox backlog: events waiting for Kafka, the age of the oldest, and parked events. Read from the
 * database at most once a second, however often they are scraped.
 */
@ApplicationScoped
class OutboxMetrics {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final OutboxRepository repository;
    private OutboxRepository.Backlog last = new OutboxRepository.Backlog(0, 0, 0);
    private long readAt;

    OutboxMetrics(OutboxRepository repository) {
        this.repository = repository;
    }

    void register(@Observes StartupEvent started, MeterRegistry meters) {
        gauge(meters, "govtech.outbox.pending.events", "unpublished events waiting for Kafka", b -> b.pending());
        gauge(meters, "govtech.outbox.oldest.pending.age.seconds", "age of the oldest unpublished event", b -> b.oldestAgeSeconds());
        gauge(meters, "govtech.outbox.parked.current", "events parked because Kafka cannot take them", b -> b.parked());
    }

    private void gauge(MeterRegistry meters, String name, String description, ToDoubleFunction<OutboxRepository.Backlog> value) {
        Gauge.builder(name, this, metrics -> value.applyAsDouble(metrics.backlog())).description(description).register(meters);
    }

    synchronized OutboxRepository.Backlog backlog() {
        if (System.nanoTime() - readAt > FRESH.toNanos()) {
            try {
                last = repository.backlog();
                readAt = System.nanoTime();
            } catch (RuntimeException e) {
                // the database is away: keep the last figures rather than failing the scrape
            }
        }
        return last;
    }
}
