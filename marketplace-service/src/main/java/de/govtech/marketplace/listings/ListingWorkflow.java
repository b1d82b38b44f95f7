package de.govtech.marketplace.listings;

import de.govtech.marketplace.vendors.VendorProblems;
import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.ProblemType;

/**
 * The listing workflow as plain rules (no Quarkus): which step is allowed in which state, and the listing's
 * status that results. A refused step throws a
 * {@link DomainProblemException} (409).
 */
public final class ListingWorkflow {

    public static final ProblemType INVALID_TRANSITION =
            ProblemType.of("invalid-listing-transition", "The listing's state does not allow this step", 409);

    /** How an edit is applied. */
    public enum Edit {
        /** Overwrite the pending draft. */
        IN_PLACE,
        /** Start a new revision (after a publication or a rejection). */
        NEW_REVISION
    }

    private ListingWorkflow() {
    }

    public static Edit edit(ListingStatus status, RevisionStatus pending) {
        requireNotDelisted(status, "changed");
        if (pending == RevisionStatus.SUBMITTED) {
            throw refused("The listing's revision is under review and cannot be changed until it is decided");
        }
        return pending == RevisionStatus.DRAFT ? Edit.IN_PLACE : Edit.NEW_REVISION;
    }

    public static void submit(ListingStatus status, RevisionStatus pending, boolean vendorVerified) {
        requireNotDelisted(status, "submitted");
        if (pending != RevisionStatus.DRAFT) {
            throw refused("Only a draft revision can be submitted; the listing has none");
        }
        if (!vendorVerified) {
            throw new DomainProblemException(VendorProblems.NOT_VERIFIED,
                    "The vendor must be verified by the association before its listings can be submitted");
        }
    }

    public static void decide(ListingStatus status, RevisionStatus pending) {
        requireNotDelisted(status, "decided");
        if (pending != RevisionStatus.SUBMITTED) {
            throw refused("Only a submitted revision can be published or rejected; the listing has none");
        }
    }

    public static void delist(ListingStatus status) {
        if (status != ListingStatus.PUBLISHED) {
            throw refused("Only a published listing can be delisted; this one is " + status);
        }
    }

    /** The listing's status from its revisions: once published it stays PUBLISHED until delisted. */
    public static ListingStatus statusOf(boolean delisted, Integer publishedRevision, RevisionStatus pending) {
        if (delisted) {
            return ListingStatus.DELISTED;
        }
        if (publishedRevision != null) {
            return ListingStatus.PUBLISHED;
        }
        return switch (pending) {
            case DRAFT -> ListingStatus.DRAFT;
            case SUBMITTED -> ListingStatus.SUBMITTED;
            case REJECTED -> ListingStatus.REJECTED;
            case PUBLISHED, SUPERSEDED -> throw new IllegalStateException("a pending revision is never " + pending);
        };
    }

    private static void requireNotDelisted(ListingStatus status, String what) {
        if (status == ListingStatus.DELISTED) {
            throw refused("A delisted listing cannot be " + what);
        }
    }

    private static DomainProblemException refused(String detail) {
        return new DomainProblemException(INVALID_TRANSITION, detail);
    }
}
