package de.govtech.marketplace.subscriptions;

import de.govtech.marketplace.members.MemberStatusChanged;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Subscriptions follow their municipality's membership, in the transaction that applies the membership event (so a
 * redelivered event, skipped by the inbox, changes nothing twice):
 * <ul>
 *   <li>left → every PROVISIONED or SUSPENDED subscription is deprovisioned; one still PROVISIONING is deprovisioned
 *       as soon as its provisioning finishes ({@link ProvisioningStore});</li>
 *   <li>suspended → PROVISIONED subscriptions become SUSPENDED (the instances keep running — OSB has no suspend);
 *       new orders are refused;</li>
 *   <li>reinstated (or re-joined) → SUSPENDED subscriptions are PROVISIONED again.</li>
 * </ul>
 */
@ApplicationScoped
public class MembershipRule {

    static final String SYSTEM_ACTOR = "system:membership";

    private final Clock clock;

    public MembershipRule(Clock clock) {
        this.clock = clock;
    }

    void onStatusChanged(@Observes MemberStatusChanged change) {
        Instant now = clock.instant();
        switch (change.current()) {
            case LEFT -> subscriptions(change, SubscriptionState.PROVISIONED, SubscriptionState.SUSPENDED)
                    .forEach(s -> s.requestDeprovisioning(SYSTEM_ACTOR, now));
            case SUSPENDED -> subscriptions(change, SubscriptionState.PROVISIONED)
                    .forEach(s -> move(s, SubscriptionState.SUSPENDED, now));
            case ACTIVE -> subscriptions(change, SubscriptionState.SUSPENDED)
                    .forEach(s -> move(s, SubscriptionState.PROVISIONED, now));
        }
    }

    private static List<Subscription> subscriptions(MemberStatusChanged change, SubscriptionState... states) {
        List<Subscription> found = Subscription.<Subscription>find("municipalityId = ?1 and state in ?2",
                change.municipalityId(), List.of(states)).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        if (!found.isEmpty()) {
            Log.infof("Membership of %s is now %s: %d subscription(s) follow", change.municipalityId(),
                    change.current(), found.size());
        }
        return found;
    }

    private static void move(Subscription s, SubscriptionState state, Instant now) {
        s.state = state;
        s.updatedAt = now;
    }
}
