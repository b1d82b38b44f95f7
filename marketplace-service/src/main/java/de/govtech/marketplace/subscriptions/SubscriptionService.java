package de.govtech.marketplace.subscriptions;

import de.govtech.marketplace.listings.Listing;
import de.govtech.marketplace.listings.ListingContent;
import de.govtech.marketplace.listings.ListingContentJson;
import de.govtech.marketplace.listings.ListingRevision;
import de.govtech.marketplace.listings.ListingStatus;
import de.govtech.marketplace.members.MemberMunicipality;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.paging.PageRequest;
import de.govtech.platform.support.problem.DomainProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
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

    private final Clock clock = Clock.systemUTC();

    @Transactional
    public SubscriptionView order(Subscriber caller, SubscriptionRequest request) {
        UUID municipalityId = caller.municipalityId()
                .orElseThrow(() -> DomainProblemException.forbidden("The token carries no valid municipality_id claim"));
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
        s.actingUser = caller.name();
        s.orderedBy = caller.name();
        s.orderedAt = now;
        s.updatedAt = now;
        s.persist();
        return SubscriptionView.of(s);
    }

    public Page<SubscriptionView> list(Subscriber caller, PageRequest paging, Optional<SubscriptionState> state) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (caller.vendor() && !caller.platformAdmin()) {
            where.append(" and listingId in (select l.id from Listing l where l.vendorId = :vendor)");
            params.and("vendor", ownVendor(caller));
        } else if (!caller.platformAdmin()) {
            where.append(" and municipalityId = :municipality");
            params.and("municipality", ownMunicipality(caller));
        }
        state.ifPresent(value -> {
            where.append(" and state = :state");
            params.and("state", value);
        });
        PanacheQuery<Subscription> query = Subscription.find(where.toString(), Sort.descending("orderedAt").and("id"), params);
        return new Page<>(query.page(paging.page, paging.size).list().stream().map(SubscriptionView::of).toList(),
                paging.page, paging.size, query.count());
    }

    public SubscriptionView get(Subscriber caller, UUID id) {
        return SubscriptionView.of(visible(caller, id, false));
    }

    /** Starts deprovisioning; asking again while it runs changes nothing. */
    @Transactional
    public SubscriptionView deprovision(Subscriber caller, UUID id) {
        Subscription s = visible(caller, id, true);
        switch (s.state) {
            case PROVISIONED, SUSPENDED -> s.requestDeprovisioning(caller.name(), clock.instant());
            case DEPROVISIONING -> {
            }
            default -> throw new DomainProblemException(SubscriptionProblems.NOT_DEPROVISIONABLE,
                    "Subscription " + id + " is " + s.state);
        }
        return SubscriptionView.of(s);
    }

    /** The subscription if the caller may see it; 404 as if it did not exist otherwise. */
    private Subscription visible(Subscriber caller, UUID id, boolean lock) {
        Subscription s = lock ? Subscription.findById(id, LockModeType.PESSIMISTIC_WRITE) : Subscription.findById(id);
        boolean maySee = s != null && (caller.platformAdmin()
                || (caller.vendor() ? ownApp(caller, s) : s.municipalityId.equals(ownMunicipality(caller))));
        if (!maySee) {
            throw DomainProblemException.notFound("Subscription", id);
        }
        return s;
    }

    private static boolean ownApp(Subscriber caller, Subscription s) {
        Listing listing = Listing.findById(s.listingId);
        return listing != null && listing.vendorId.equals(ownVendor(caller));
    }

    private static UUID ownVendor(Subscriber caller) {
        return caller.vendorId()
                .orElseThrow(() -> DomainProblemException.forbidden("The token carries no valid vendor_id claim"));
    }

    private static UUID ownMunicipality(Subscriber caller) {
        return caller.municipalityId()
                .orElseThrow(() -> DomainProblemException.forbidden("The token carries no valid municipality_id claim"));
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
