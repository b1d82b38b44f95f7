package de.govtech.marketplace.subscriptions;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@value #NAME}{@code {state}}: subscriptions per state, from one grouped count every
 * {@code govtech.marketplace.provisioning.subscription-count-interval} — a scrape reads the last count and never queries the database.
 */
@Startup
@ApplicationScoped
public class SubscriptionGauge {

    static final String NAME = "govtech.marketplace.subscriptions";

    private final EntityManager em;
    private final Map<SubscriptionState, AtomicLong> counts = new EnumMap<>(SubscriptionState.class);

    public SubscriptionGauge(EntityManager em, MeterRegistry registry) {
        this.em = em;
        for (SubscriptionState state : SubscriptionState.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(state, count);
            Gauge.builder(NAME, count, AtomicLong::get)
                    .description("Subscriptions by state (counted periodically)")
                    .tag("state", state.name())
                    .register(registry);
        }
    }

    @Scheduled(identity = "subscription-gauge", every = "${govtech.marketplace.provisioning.subscription-count-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            count();
        } catch (RuntimeException e) {
            Log.warnf("Counting subscriptions for the metrics failed (the gauge keeps the last count): %s", e.toString());
        }
    }

    /** Counts subscriptions per state now; states without one count 0. */
    @Transactional
    public Map<SubscriptionState, Long> count() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select state, count(*) from subscription group by state").getResultList();
        Map<SubscriptionState, Long> now = new EnumMap<>(SubscriptionState.class);
        for (SubscriptionState state : SubscriptionState.values()) {
            now.put(state, 0L);
        }
        for (Object[] row : rows) {
            now.put(SubscriptionState.valueOf((String) row[0]), ((Number) row[1]).longValue());
        }
        now.forEach((state, count) -> counts.get(state).set(count));
        return now;
    }
}
