package de.govtech.marketplace.offerings;

import de.govtech.platform.events.EventPayload;
import de.govtech.platform.events.solutions.SolutionReleasedForReuse;
import de.govtech.platform.events.solutions.SolutionRetired;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/** Applies solutions events to the association offerings; runs inside the consumer's inbox transaction. */
@ApplicationScoped
class OfferingProjection {

    private final Clock clock;

    OfferingProjection(Clock clock) {
        this.clock = clock;
    }

    void apply(EventPayload payload) {
        if (payload instanceof SolutionReleasedForReuse released) {
            AssociationOffering.release(released, clock.instant());
        } else if (payload instanceof SolutionRetired retired) {
            AssociationOffering.<AssociationOffering>findByIdOptional(retired.solutionId()).ifPresentOrElse(
                    offering -> offering.retire(retired.retiredAt(), clock.instant()),
                    () -> Log.warnf("Ignoring retirement of solution %s: it was never released", retired.solutionId()));
        }
    }
}
