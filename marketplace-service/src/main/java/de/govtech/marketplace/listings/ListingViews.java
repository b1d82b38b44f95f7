package de.govtech.marketplace.listings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * Response bodies of the listing API, read only by the owning vendor and platform admins: they show the broker URL
 * (for the review), never the broker's credentials.
 */
public final class ListingViews {

    private ListingViews() {
    }

    @Schema(name = "Listing", description = "A listing with its published revision (what the catalogue shows) and the pending one")
    public record ListingView(
            UUID id,
            UUID vendorId,
            String slug,
            ListingStatus status,
            @Schema(description = "the revision the catalogue shows; null before the first publication") RevisionView published,
            @Schema(description = "the revision being edited, reviewed or last rejected; null if none") RevisionView pending,
            Instant createdAt,
            Instant updatedAt) {
    }

    @Schema(name = "ListingSummary")
    public record ListingSummary(
            UUID id,
            UUID vendorId,
            String slug,
            @Schema(description = "name of the pending revision, else of the published one") String name,
            ListingStatus status,
            Integer publishedRevision,
            Integer pendingRevision,
            RevisionStatus pendingStatus,
            Instant updatedAt) {
    }

    @Schema(name = "ListingRevision", description = "One kept revision with who created, submitted and decided it")
    public record RevisionView(
            int revision,
            RevisionStatus status,
            ListingContent content,
            @Schema(description = "whether a broker endpoint with credentials is stored (the credentials are never returned)")
            boolean brokerConfigured,
            @Schema(description = "the vendor's broker endpoint, for the owning vendor and the reviewing platform admin",
                    examples = "https://broker.example.de/osb")
            String brokerUrl,
            Instant createdAt,
            String createdBy,
            Instant submittedAt,
            String submittedBy,
            Instant decidedAt,
            String decidedBy,
            String rejectionReason) {

        static RevisionView of(ListingRevision r) {
            return new RevisionView(r.revision, r.status, ListingContentJson.read(r.content),
                    r.brokerUrl != null && !r.brokerUrl.isBlank(), r.brokerUrl, r.createdAt, r.createdBy, r.submittedAt,
                    r.submittedBy, r.decidedAt, r.decidedBy, r.rejectionReason);
        }
    }

    @Schema(name = "ListingDecision", description = "One step of the listing's history")
    public record DecisionView(int revision, DecisionAction action, String actor, Instant at, String reason) {

        static DecisionView of(ListingDecision d) {
            return new DecisionView(d.revision, d.action, d.actor, d.at, d.reason);
        }
    }

    @Schema(name = "ListingDecisionReason")
    public record ReasonRequest(
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 2000)
            @Schema(examples = "Die Dokumentations-URL ist nicht erreichbar.") String reason) {
    }
}
