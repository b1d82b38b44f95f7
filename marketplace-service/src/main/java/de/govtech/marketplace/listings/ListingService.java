package de.govtech.marketplace.listings;

import de.govtech.marketplace.osb.BrokerAddressRule;
import de.govtech.marketplace.osb.PasswordCipher;
import de.govtech.platform.support.security.Caller;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.paging.PageRequest;
import de.govtech.marketplace.listings.ListingViews.DecisionView;
import de.govtech.marketplace.listings.ListingViews.ListingSummary;
import de.govtech.marketplace.listings.ListingViews.ListingView;
import de.govtech.marketplace.listings.ListingViews.RevisionView;
import de.govtech.marketplace.vendors.Vendor;
import de.govtech.marketplace.vendors.VendorService;
import de.govtech.platform.events.marketplace.AppDelisted;
import de.govtech.platform.events.marketplace.AppPublished;
import de.govtech.platform.messaging.outbox.Outbox;
import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.ProblemType;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.UUID;

/**
 * The listing workflow with its object-level checks: vendor users work on their own vendor's listings only (another
 * vendor's listing answers 404), platform admins see all and decide. Each step records a {@link ListingDecision};
 * publishing and delisting append their event to the outbox in the same transaction.
 */
@ApplicationScoped
public class ListingService {

    private final VendorService vendors;
    private final Outbox outbox;
    private final ListingRules rules;
    private final BrokerAddressRule brokerAddresses;
    private final PasswordCipher passwords;
    private final Clock clock;

    public ListingService(VendorService vendors, Outbox outbox, MarketplaceConfig config, BrokerAddressRule brokerAddresses,
                          PasswordCipher passwords, Clock clock) {
        this.vendors = vendors;
        this.outbox = outbox;
        this.brokerAddresses = brokerAddresses;
        this.passwords = passwords;
        this.clock = clock;
        this.rules = new ListingRules(new HashSet<>(config.cloudTargets()));
    }

    @Transactional
    public ListingView create(Caller caller, ListingRequest body) {
        Vendor vendor = vendors.ownVendor(caller);
        rules.check(body.content());
        if (body.broker() == null) {
            throw new DomainProblemException(ProblemType.VALIDATION_FAILED, "A new listing needs its broker endpoint", "broker");
        }
        checkBrokerAddress(body.broker());
        Instant now = clock.instant();
        Listing listing = new Listing();
        listing.id = UUID.randomUUID();
        listing.vendorId = vendor.id;
        listing.slug = body.slug();
        listing.status = ListingStatus.DRAFT;
        listing.pendingRevision = 1;
        listing.createdAt = now;
        listing.updatedAt = now;
        listing.persist();
        claimSlug(listing.slug);
        ListingRevision revision = newRevision(listing, 1, body, null, caller, now);
        record(listing, revision.revision, DecisionAction.CREATED, caller, now, null);
        return view(listing);
    }

    @Transactional
    public void update(Caller caller, UUID id, ListingRequest body) {
        Listing listing = ListingAccess.ownedForChange(caller, id);
        rules.check(body.content());
        if (body.broker() != null) {
            checkBrokerAddress(body.broker());
        }
        ListingRevision pending = pending(listing);
        ListingWorkflow.Edit edit = ListingWorkflow.edit(listing.status, pending == null ? null : pending.status);
        if (!body.slug().equals(listing.slug)) {
            if (listing.publishedRevision != null) {
                throw DomainProblemException.unprocessable("The slug cannot change after the first publication", "slug");
            }
            listing.slug = body.slug();
            claimSlug(listing.slug);
        }
        Instant now = clock.instant();
        ListingRevision changed;
        if (edit == ListingWorkflow.Edit.IN_PLACE) {
            changed = pending;
            changed.content = ListingContentJson.write(body.content());
            if (body.broker() != null) {
                setBroker(changed, body.broker());
            }
            changed.updatedAt = now;
        } else {
            ListingRevision previous = pending != null ? pending : ListingRevision.of(listing.id, listing.publishedRevision);
            int next = latestRevision(listing.id) + 1;
            changed = newRevision(listing, next, body, previous, caller, now);
            listing.pendingRevision = next;
        }
        listing.status = ListingWorkflow.statusOf(false, listing.publishedRevision, changed.status);
        listing.updatedAt = now;
        record(listing, changed.revision, DecisionAction.UPDATED, caller, now, null);
    }

    @Transactional
    public ListingView submit(Caller caller, UUID id) {
        Listing listing = ListingAccess.ownedForChange(caller, id);
        ListingRevision pending = pending(listing);
        Vendor vendor = Vendor.findById(listing.vendorId);
        ListingWorkflow.submit(listing.status, pending == null ? null : pending.status, vendor.isVerified());
        Instant now = clock.instant();
        pending.status = RevisionStatus.SUBMITTED;
        pending.submittedAt = now;
        pending.submittedBy = caller.subject();
        moved(listing, pending, now);
        record(listing, pending.revision, DecisionAction.SUBMITTED, caller, now, null);
        return view(listing);
    }

    @Transactional
    public ListingView publish(Caller caller, UUID id) {
        Listing listing = existing(id);
        ListingRevision pending = pending(listing);
        ListingWorkflow.decide(listing.status, pending == null ? null : pending.status);
        Instant now = clock.instant();
        if (listing.publishedRevision != null) {
            ListingRevision.of(listing.id, listing.publishedRevision).status = RevisionStatus.SUPERSEDED;
        }
        pending.status = RevisionStatus.PUBLISHED;
        pending.decidedAt = now;
        pending.decidedBy = caller.subject();
        listing.publishedRevision = pending.revision;
        listing.pendingRevision = null;
        listing.status = ListingStatus.PUBLISHED;
        listing.updatedAt = now;
        record(listing, pending.revision, DecisionAction.PUBLISHED, caller, now, null);
        ListingContent content = ListingContentJson.read(pending.content);
        outbox.append(new AppPublished(listing.id, listing.vendorId, listing.slug, content.name(), pending.revision, now));
        return view(listing);
    }

    @Transactional
    public ListingView reject(Caller caller, UUID id, String reason) {
        Listing listing = existing(id);
        ListingRevision pending = pending(listing);
        ListingWorkflow.decide(listing.status, pending == null ? null : pending.status);
        Instant now = clock.instant();
        pending.status = RevisionStatus.REJECTED;
        pending.decidedAt = now;
        pending.decidedBy = caller.subject();
        pending.rejectionReason = reason.strip();
        moved(listing, pending, now);
        record(listing, pending.revision, DecisionAction.REJECTED, caller, now, pending.rejectionReason);
        return view(listing);
    }

    /** Platform admins delist any published listing, vendor users their own. */
    @Transactional
    public ListingView delist(Caller caller, UUID id, String reason) {
        Listing listing = caller.isPlatformAdmin() ? existing(id) : ListingAccess.ownedForChange(caller, id);
        ListingWorkflow.delist(listing.status);
        Instant now = clock.instant();
        listing.status = ListingStatus.DELISTED;
        listing.updatedAt = now;
        record(listing, listing.publishedRevision, DecisionAction.DELISTED, caller, now, reason.strip());
        outbox.append(new AppDelisted(listing.id, listing.vendorId, reason.strip(), now));
        return view(listing);
    }

    @Transactional
    public ListingView get(Caller caller, UUID id) {
        return view(ListingAccess.visible(caller, id));
    }

    @Transactional
    public Page<ListingSummary> list(Caller caller, PageRequest paging, Optional<ListingStatus> status) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (!caller.isPlatformAdmin()) {
            where.append(" and vendorId = :vendor");
            params.and("vendor", caller.requireVendor());
        }
        status.ifPresent(s -> {
            where.append(" and status = :status");
            params.and("status", s);
        });
        PanacheQuery<Listing> query = Listing.find(where.toString(), Sort.by("createdAt").and("id"), params);
        var items = query.page(paging.page, paging.size).list().stream().map(this::summary).toList();
        return new Page<>(items, paging.page, paging.size, query.count());
    }

    @Transactional
    public Page<RevisionView> revisions(Caller caller, UUID id, PageRequest paging) {
        Listing listing = ListingAccess.visible(caller, id);
        PanacheQuery<ListingRevision> query = ListingRevision.find("listingId", Sort.by("revision"), listing.id);
        var items = query.page(paging.page, paging.size).list().stream().map(RevisionView::of).toList();
        return new Page<>(items, paging.page, paging.size, query.count());
    }

    @Transactional
    public Page<DecisionView> decisions(Caller caller, UUID id, PageRequest paging) {
        Listing listing = ListingAccess.visible(caller, id);
        PanacheQuery<ListingDecision> query = ListingDecision.find("listingId", Sort.by("id"), listing.id);
        var items = query.page(paging.page, paging.size).list().stream().map(DecisionView::of).toList();
        return new Page<>(items, paging.page, paging.size, query.count());
    }

    private ListingRevision newRevision(Listing listing, int number, ListingRequest body, ListingRevision previous,
                                        Caller caller, Instant now) {
        ListingRevision revision = new ListingRevision();
        revision.id = UUID.randomUUID();
        revision.listingId = listing.id;
        revision.revision = number;
        revision.status = RevisionStatus.DRAFT;
        revision.content = ListingContentJson.write(body.content());
        if (body.broker() != null) {
            setBroker(revision, body.broker());
        } else {
            revision.brokerUrl = previous.brokerUrl;
            revision.brokerUsername = previous.brokerUsername;
            revision.brokerPassword = previous.brokerPassword;
            revision.brokerPasswordEncrypted = previous.brokerPasswordEncrypted;
        }
        revision.createdAt = now;
        revision.createdBy = caller.subject();
        revision.updatedAt = now;
        revision.persist();
        return revision;
    }

    private void setBroker(ListingRevision revision, ListingRequest.Broker broker) {
        revision.brokerUrl = broker.url();
        revision.brokerUsername = broker.username();
        revision.brokerPassword = passwords.encrypt(broker.password());
        revision.brokerPasswordEncrypted = true;
    }

    /**
     * The broker must be one the marketplace may call (https, no user info, public addresses); a host that does not
     * resolve yet is accepted here and refused at the call.
     */
    private void checkBrokerAddress(ListingRequest.Broker broker) {
        URI url;
        try {
            url = new URI(broker.url());
        } catch (URISyntaxException e) {
            throw DomainProblemException.unprocessable("The broker URL is not a valid URL", "broker.url");
        }
        brokerAddresses.check(url).filter(refusal -> refusal != BrokerAddressRule.Refusal.UNRESOLVABLE)
                .ifPresent(refusal -> {
                    throw DomainProblemException.unprocessable("Broker URL refused: " + refusal.reason(), "broker.url");
                });
    }

    private static void moved(Listing listing, ListingRevision pending, Instant now) {
        listing.status = ListingWorkflow.statusOf(false, listing.publishedRevision, pending.status);
        listing.updatedAt = now;
    }

    private static void record(Listing listing, int revision, DecisionAction action, Caller caller, Instant at, String reason) {
        ListingDecision decision = new ListingDecision();
        decision.listingId = listing.id;
        decision.revision = revision;
        decision.action = action;
        decision.actor = caller.subject();
        decision.at = at;
        decision.reason = reason;
        decision.persist();
    }

    /**
     * Writes the listing row now, so that the unique constraint on the slug decides: two vendors taking the same slug
     * at the same moment both pass any check made before, but only one insert succeeds; the other caller gets 409
     * slug-taken (not a 500 at commit) and its transaction rolls back whole.
     */
    private static void claimSlug(String slug) {
        try {
            Listing.flush();
        } catch (PersistenceException e) {
            if (SlugConstraint.violatedBy(e)) {
                throw new DomainProblemException(ListingProblems.SLUG_TAKEN, "Another listing has the slug " + slug, "slug");
            }
            throw e;
        }
    }

    private static int latestRevision(UUID listingId) {
        Integer max = ListingRevision.getEntityManager()
                .createQuery("select max(r.revision) from ListingRevision r where r.listingId = :id", Integer.class)
                .setParameter("id", listingId).getSingleResult();
        return max == null ? 0 : max;
    }

    private static ListingRevision pending(Listing listing) {
        return listing.pendingRevision == null ? null : ListingRevision.of(listing.id, listing.pendingRevision);
    }

    private static Listing existing(UUID id) {
        Listing listing = Listing.findById(id);
        if (listing == null) {
            throw DomainProblemException.notFound("Listing", id);
        }
        return listing;
    }

    private ListingView view(Listing listing) {
        RevisionView published = listing.publishedRevision == null ? null
                : RevisionView.of(ListingRevision.of(listing.id, listing.publishedRevision));
        ListingRevision pending = pending(listing);
        return new ListingView(listing.id, listing.vendorId, listing.slug, listing.status, published,
                pending == null ? null : RevisionView.of(pending), listing.createdAt, listing.updatedAt);
    }

    private ListingSummary summary(Listing listing) {
        ListingRevision pending = pending(listing);
        ListingRevision shown = pending != null ? pending : ListingRevision.of(listing.id, listing.publishedRevision);
        return new ListingSummary(listing.id, listing.vendorId, listing.slug, ListingContentJson.read(shown.content).name(),
                listing.status, listing.publishedRevision, listing.pendingRevision,
                pending == null ? null : pending.status, listing.updatedAt);
    }
}
