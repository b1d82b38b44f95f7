package de.govtech.marketplace.subscriptions;

import de.govtech.platform.support.security.Caller;
import de.govtech.marketplace.listings.Listing;
import de.govtech.marketplace.listings.ListingContent;
import de.govtech.marketplace.listings.ListingContentJson;
import de.govtech.marketplace.listings.ListingRevision;
import de.govtech.marketplace.listings.ListingStatus;
import de.govtech.marketplace.members.MemberMunicipality;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.paging.PageRequest;
import de.govtech.platform.support.persistence.UniqueViolations;
import de.govtech.platform.support.problem.DomainProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Orders, reads and ends subscriptions. Municipality admins act for their own municipality only (another
 * municipality's subscription answers 404); vendors read the subscriptions of their own apps; platform admins see all. The broker is never called here: an order or a
 * deprovisioning only sets the driving state, which {@link ProvisioningWorker} picks up.
 */
@ApplicationScoped
public class SubscriptionService {

    private final Clock clock;

    public SubscriptionService(Clock clock) {
        this.clock = clock;
    }

    /** The outcome of an order: the subscription, and whether it was ordered before with the same Idempotency-Key. */
    public record Ordered(SubscriptionView subscription, boolean replayed) {
    }

    /**
     * Orders an app. With an Idempotency-Key, a key this municipality used before returns the first order (the
     * same request) or a 422 problem (another request); two requests with one key at the same moment order once:
     * the unique index decides, and the loser gets {@link IdempotentOrderRaced} to replay the winner's order.
     */
    @Transactional
    public Ordered order(Caller caller, SubscriptionRequest request, Optional<String> idempotencyKey) {
        UUID municipalityId = caller.requireMunicipality();
        if (idempotencyKey.isPresent()) {
            Optional<Subscription> earlier = Subscription.orderedWith(municipalityId, idempotencyKey.get());
            if (earlier.isPresent()) {
                return replay(earlier.get(), request);
            }
        }
        MemberMunicipality member = MemberMunicipality.findById(municipalityId);
        OrderRules.requireActiveMember(member == null ? null : member.status);
        OrderRules.requireAppReference(request);
        Listing listing = publishedApp(request);
        ListingContent content = ListingContentJson.read(ListingRevision.of(listing.id, listing.publishedRevision).content);
        ListingContent.Plan plan = OrderRules.plan(content, request.plan());
        String cloudTarget = OrderRules.cloudTarget(content, request.cloudTarget());

        Instant now = clock.instant();
        Subscription s = new Subscription();
        s.id = UUID.randomUUID();
        s.municipalityId = municipalityId;
        s.listingId = listing.id;
        s.appSlug = listing.slug;
        s.revision = listing.publishedRevision;
        s.planName = plan.name();
        s.planId = OrderRules.planId(listing.id, plan.name());
        s.cloudTarget = cloudTarget;
        s.state = SubscriptionState.PROVISIONING;
        s.step = DriverStep.PROVISION;
        s.nextAttemptAt = now;
        s.attempts = 0;
        s.actingUser = caller.subject();
        s.orderedBy = caller.subject();
        s.orderedAt = now;
        s.updatedAt = now;
        s.idempotencyKey = idempotencyKey.orElse(null);
        s.persist();
        if (idempotencyKey.isPresent()) {
            try {
                Subscription.flush();
            } catch (PersistenceException e) {
                if (UniqueViolations.of(e, "subscription_idempotency_key_idx")) { // V8
                    throw new IdempotentOrderRaced();
                }
                throw e;
            }
        }
        return new Ordered(SubscriptionView.of(s), false);
    }

    /** After {@link IdempotentOrderRaced}: the order that won the race for the key, in a transaction of its own. */
    @Transactional
    public Ordered replayRaced(Caller caller, SubscriptionRequest request, String idempotencyKey) {
        UUID municipalityId = caller.municipalityId().orElseThrow();
        return replay(Subscription.orderedWith(municipalityId, idempotencyKey).orElseThrow(), request);
    }

    private static Ordered replay(Subscription earlier, SubscriptionRequest request) {
        if (!earlier.orderedAs(request)) {
            throw new DomainProblemException(SubscriptionProblems.IDEMPOTENCY_KEY_REUSED, "The Idempotency-Key "
                    + earlier.idempotencyKey + " named another order (" + earlier.appSlug + ", " + earlier.planName + ", "
                    + earlier.cloudTarget + ")", "Idempotency-Key");
        }
        return new Ordered(SubscriptionView.of(earlier), true);
    }

    /** Another request with the same Idempotency-Key committed its order first. */
    public static final class IdempotentOrderRaced extends RuntimeException {
        IdempotentOrderRaced() {
            super("another request with the same Idempotency-Key ordered first", null, false, false);
        }
    }

    public Page<SubscriptionView> list(Caller caller, PageRequest paging, Optional<SubscriptionState> state) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (SubscriptionAccess.readsAsVendor(caller)) {
            where.append(" and listingId in (select l.id from Listing l where l.vendorId = :vendor)");
            params.and("vendor", caller.requireVendor());
        } else if (!caller.isPlatformAdmin()) {
            where.append(" and municipalityId = :municipality");
            params.and("municipality", caller.requireMunicipality());
        }
        state.ifPresent(value -> {
            where.append(" and state = :state");
            params.and("state", value);
        });
        PanacheQuery<Subscription> query = Subscription.find(where.toString(), Sort.descending("orderedAt").and("id"), params);
        return new Page<>(query.page(paging.page, paging.size).list().stream().map(SubscriptionView::of).toList(),
                paging.page, paging.size, query.count());
    }

    public SubscriptionView get(Caller caller, UUID id) {
        return SubscriptionView.of(visible(caller, id, false));
    }

    /** Starts deprovisioning; asking again while it runs changes nothing. */
    @Transactional
    public SubscriptionView deprovision(Caller caller, UUID id) {
        Subscription s = visible(caller, id, true);
        switch (s.state) {
            case PROVISIONED, SUSPENDED -> s.requestDeprovisioning(caller.subject(), clock.instant());
            case DEPROVISIONING -> {
            }
            default -> throw new DomainProblemException(SubscriptionProblems.NOT_DEPROVISIONABLE,
                    "Subscription " + id + " is " + s.state);
        }
        return SubscriptionView.of(s);
    }

    /** The subscription if the caller may see it; 404 as if it did not exist otherwise. */
    private Subscription visible(Caller caller, UUID id, boolean lock) {
        Subscription s = lock ? Subscription.findById(id, LockModeType.PESSIMISTIC_WRITE) : Subscription.findById(id);
        SubscriptionAccess.requireVisible(caller, s, id);
        return s;
    }

    private static Listing publishedApp(SubscriptionRequest request) {
        Listing listing = request.appId() != null
                ? Listing.findById(request.appId())
                : Listing.find("slug", request.appSlug().trim()).firstResult();
        String field = request.appId() != null ? "appId" : "appSlug";
        if (listing == null || listing.status != ListingStatus.PUBLISHED || listing.publishedRevision == null) {
            throw DomainProblemException.unprocessable("There is no published app " +
                    (request.appId() != null ? request.appId() : "'" + request.appSlug() + "'"), field);
        }
        if (request.appId() != null && request.appSlug() != null && !listing.slug.equals(request.appSlug().trim())) {
            throw DomainProblemException.unprocessable("appSlug and appId name different apps", "appSlug");
        }
        return listing;
    }
}
