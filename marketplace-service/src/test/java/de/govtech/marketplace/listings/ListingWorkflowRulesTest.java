package de.govtech.marketplace.listings;

import de.govtech.platform.support.problem.DomainProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ListingWorkflowRulesTest {

    @Test
    void aDraftIsEditedInPlaceAndARejectedOrPublishedListingGetsANewRevision() {
        assertEquals(ListingWorkflow.Edit.IN_PLACE, ListingWorkflow.edit(ListingStatus.DRAFT, RevisionStatus.DRAFT));
        assertEquals(ListingWorkflow.Edit.NEW_REVISION, ListingWorkflow.edit(ListingStatus.REJECTED, RevisionStatus.REJECTED));
        assertEquals(ListingWorkflow.Edit.NEW_REVISION, ListingWorkflow.edit(ListingStatus.PUBLISHED, null));
        assertEquals(ListingWorkflow.Edit.IN_PLACE, ListingWorkflow.edit(ListingStatus.PUBLISHED, RevisionStatus.DRAFT));
    }

    @Test
    void nothingChangesUnderReviewOrAfterDelisting() {
        assertEquals(409, refusal(() -> ListingWorkflow.edit(ListingStatus.SUBMITTED, RevisionStatus.SUBMITTED)));
        assertEquals(409, refusal(() -> ListingWorkflow.edit(ListingStatus.DELISTED, null)));
        assertEquals(409, refusal(() -> ListingWorkflow.submit(ListingStatus.DELISTED, RevisionStatus.DRAFT, true)));
        assertEquals(409, refusal(() -> ListingWorkflow.decide(ListingStatus.DELISTED, RevisionStatus.SUBMITTED)));
    }

    @Test
    void onlyAVerifiedVendorsDraftIsSubmitted() {
        assertDoesNotThrow(() -> ListingWorkflow.submit(ListingStatus.DRAFT, RevisionStatus.DRAFT, true));
        DomainProblemException e = assertThrows(DomainProblemException.class,
                () -> ListingWorkflow.submit(ListingStatus.DRAFT, RevisionStatus.DRAFT, false));
        assertEquals("vendor-not-verified", e.problemType().kind());
        assertEquals(409, refusal(() -> ListingWorkflow.submit(ListingStatus.PUBLISHED, null, true)));
        assertEquals(409, refusal(() -> ListingWorkflow.submit(ListingStatus.SUBMITTED, RevisionStatus.SUBMITTED, true)));
    }

    @Test
    void onlyASubmittedRevisionIsDecidedAndOnlyAPublishedListingDelisted() {
        assertDoesNotThrow(() -> ListingWorkflow.decide(ListingStatus.SUBMITTED, RevisionStatus.SUBMITTED));
        assertEquals(409, refusal(() -> ListingWorkflow.decide(ListingStatus.DRAFT, RevisionStatus.DRAFT)));
        assertEquals(409, refusal(() -> ListingWorkflow.decide(ListingStatus.PUBLISHED, null)));
        assertDoesNotThrow(() -> ListingWorkflow.delist(ListingStatus.PUBLISHED));
        assertEquals(409, refusal(() -> ListingWorkflow.delist(ListingStatus.DRAFT)));
        assertEquals(409, refusal(() -> ListingWorkflow.delist(ListingStatus.DELISTED)));
    }

    @Test
    void aPublishedListingStaysPublishedWhileANewRevisionIsReviewed() {
        assertEquals(ListingStatus.PUBLISHED, ListingWorkflow.statusOf(false, 2, RevisionStatus.SUBMITTED));
        assertEquals(ListingStatus.PUBLISHED, ListingWorkflow.statusOf(false, 2, RevisionStatus.REJECTED));
        assertEquals(ListingStatus.SUBMITTED, ListingWorkflow.statusOf(false, null, RevisionStatus.SUBMITTED));
        assertEquals(ListingStatus.REJECTED, ListingWorkflow.statusOf(false, null, RevisionStatus.REJECTED));
        assertEquals(ListingStatus.DELISTED, ListingWorkflow.statusOf(true, 2, null));
    }

    private static int refusal(Runnable step) {
        return assertThrows(DomainProblemException.class, step::run).problemType().status();
    }
}
