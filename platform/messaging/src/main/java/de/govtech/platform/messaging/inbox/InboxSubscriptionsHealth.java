package de.govtech.platform.messaging.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Health of the {@link InboxSubscriptions}, as the Kafka channels report theirs: not started and not ready until every
 * subscription's consumer has joined its group (partitions assigned), not alive once one has stopped on a failure (a supervisor
 * restarts the service; the record that failed is delivered again).
 */
@ApplicationScoped
public class InboxSubscriptionsHealth {

    private final InboxSubscriptions subscriptions;

    public InboxSubscriptionsHealth(InboxSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Produces
    @Readiness
    HealthCheck readiness() {
        return () -> report("kafka-subscriptions-readiness", true);
    }

    @Produces
    @org.eclipse.microprofile.health.Startup
    HealthCheck started() {
        return () -> report("kafka-subscriptions-started", true);
    }

    @Produces
    @Liveness
    HealthCheck liveness() {
        return () -> report("kafka-subscriptions-liveness", false);
    }

    private HealthCheckResponse report(String name, boolean needJoined) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name).up();
        for (InboxSubscription subscription : subscriptions.all()) {
            InboxSubscription.State state = subscription.state();
            boolean up = switch (state) {
                case JOINED -> subscription.threadAlive();
                case STARTING -> !needJoined;
                case STOPPED, FAILED -> false;
            };
            String detail = state == InboxSubscription.State.FAILED ? "FAILED: " + subscription.failure()
                    : state + " " + subscription.assignment();
            response.withData(subscription.name(), detail);
            if (!up) {
                response.down();
            }
        }
        return response.build();
    }
}
