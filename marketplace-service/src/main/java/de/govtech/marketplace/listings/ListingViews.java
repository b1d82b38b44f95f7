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

    /** Revision 1 of the examples' listing: ListingRevision's example and the published revision in Listing's. */
    private static final String PUBLISHED_REVISION_EXAMPLE = """
            {"revision": 1, "status": "PUBLISHED",
             "content": """ + ListingContent.CONTENT_EXAMPLE + """
            ,
             "brokerConfigured": true, "brokerUrl": "https://broker.example.de/osb",
             "createdAt": "2026-03-10T08:30:00Z", "createdBy": "vendor-admin-kd", "submittedAt": "2026-03-11T16:20:00Z",
             "submittedBy": "vendor-admin-kd", "decidedAt": "2026-03-12T14:00:00Z", "decidedBy": "platform-admin-1"}""";

    @Schema(name = "Listing", description = "A listing with its published revision (what the catalogue shows) and the pending one", examples = """
            {"id": "7a4e2c18-5b3d-4f6a-8e9c-0d1f2a3b4c5d", "vendorId": "3c1d9e4a-7b2f-4e8a-9c5d-1a2b3c4d5e6f", "slug": "buergerportal-plus", "status": "PUBLISHED",
             "published": """ + PUBLISHED_REVISION_EXAMPLE + """
            ,
             "pending": {"revision": 2, "status": "DRAFT",
              "content": {"name": "Bürgerportal Plus", "summary": "Online-Anträge für Bürgerinnen und Bürger",
                "description": "Ein Portal für Online-Anträge nach OZG, mit BundID-Anbindung.", "category": "CITIZEN_SERVICES",
                "tags": ["OZG", "BundID", "Wohngeld"], "plans": [{"name": "Basis", "description": "Drei Verfahren", "priceModel": "FREE", "price": 0},
                 {"name": "Standard", "description": "Alle Verfahren, Support werktags", "priceModel": "PER_INHABITANT_PER_YEAR", "price": 0.12}],
                "compliance": {"hostedInGermany": true, "bsiC5": true, "gdprDpaAvailable": true, "bitvAccessible": true, "openSourceLicence": "EUPL-1.2"}, "cloudTargets": ["stackit:eu01"],
                "documentationUrl": "https://docs.example.de/buergerportal", "supportUrl": "https://support.example.de"},
              "brokerConfigured": true, "brokerUrl": "https://broker.example.de/osb",
              "createdAt": "2026-04-20T11:05:00Z", "createdBy": "vendor-admin-kd"},
             "createdAt": "2026-03-10T08:30:00Z", "updatedAt": "2026-04-20T11:05:00Z"}""")
    public record ListingView(
            UUID id,
            UUID vendorId,
            String slug,
            ListingStatus status,
            @Schema(description = "the revision the catalogue shows; absent before the first publication") RevisionView published,
            @Schema(description = "the revision being edited, reviewed or last rejected; absent if none") RevisionView pending,
            Instant createdAt,
            Instant updatedAt) {
    }

    @Schema(name = "ListingSummary", description = "A listing in the vendor's or the review list", examples = """
            {"id": "7a4e2c18-5b3d-4f6a-8e9c-0d1f2a3b4c5d", "vendorId": "3c1d9e4a-7b2f-4e8a-9c5d-1a2b3c4d5e6f", "slug": "buergerportal-plus", "name": "Bürgerportal Plus",
             "status": "PUBLISHED", "publishedRevision": 1, "pendingRevision": 2, "pendingStatus": "DRAFT",
             "updatedAt": "2026-04-20T11:05:00Z"}""")
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

    @Schema(name = "ListingRevision", description = "One kept revision with who created, submitted and decided it", examples = PUBLISHED_REVISION_EXAMPLE)
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

    @Schema(name = "ListingDecision", description = "One step of the listing's history", examples = """
            {"revision": 1, "action": "PUBLISHED", "actor": "platform-admin-1", "at": "2026-03-12T14:00:00Z"}""")
    public record DecisionView(int revision, DecisionAction action, String actor, Instant at, String reason) {

        static DecisionView of(ListingDecision d) {
            return new DecisionView(d.revision, d.action, d.actor, d.at, d.reason);
        }
    }

    @Schema(name = "ListingDecisionReason", description = "Why a listing is rejected or delisted", examples = """
            {"reason": "Die Dokumentations-URL ist nicht erreichbar."}""")
    public record ReasonRequest(
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 2000)
            @Schema(examples = "Die Dokumentations-URL ist nicht erreichbar.") String reason) {
    }
}
