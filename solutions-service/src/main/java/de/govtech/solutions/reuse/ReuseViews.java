package de.govtech.solutions.reuse;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Response bodies of the reuse operations. */
public final class ReuseViews {

    private ReuseViews() {
    }

    @Schema(name = "ReuseRequest", description = "A member's request to reuse a solution", examples = """
            {"id": "5f0e7d1a-0b7c-4c39-9a53-0c2f1a116c1e", "solutionId": "0b7c5c1e-6a57-4c39-9a53-0c2f0e7d1a11",
             "municipalityId": "6b2c0000-0000-4000-8000-00000000000a", "message": "Ab Q2 im Bürgerbüro",
             "status": "ACCEPTED", "requestedBy": "a1b2", "requestedAt": "2027-01-10T09:00:00Z", "decidedBy": "c3d4",
             "decidedAt": "2027-01-20T09:00:00Z",
             "agreementId": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"}""")
    public record RequestView(UUID id, UUID solutionId, UUID municipalityId, String message, ReuseRequestStatus status,
                              String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt,
                              String decisionReason, @Schema(description = "set once accepted") UUID agreementId) {

        static RequestView of(ReuseRequest r, UUID agreementId) {
            return new RequestView(r.id, r.solutionId, r.municipalityId, r.message, r.status, r.requestedBy, r.requestedAt,
                    r.decidedBy, r.decidedAt, r.decisionReason, agreementId);
        }
    }

    @Schema(name = "ReuseAgreement", description = "A reuse agreement (Nachnutzungsvereinbarung) with the participating "
            + "municipalities and, when costs are split, each one's share in euro cents (the shares add up exactly)", examples = """
            {"id": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d", "requestId": "5f0e7d1a-0b7c-4c39-9a53-0c2f1a116c1e",
             "solutionId": "0b7c5c1e-6a57-4c39-9a53-0c2f0e7d1a11", "municipalityId": "6b2c0000-0000-4000-8000-00000000000a",
             "terms": "Nachnutzung gemäß EUPL-1.2", "startDate": "2027-04-01",
             "costSharing": {"method": "EQUAL", "developmentCostCents": 100, "operatingCostCents": 0},
             "participants": [{"municipalityId": "6b2c0000-0000-4000-8000-00000000000a", "name": "Stadt A", "population": 50000,
                               "developmentShareCents": 34, "operatingShareCents": 0}],
             "agreedBy": "c3d4", "agreedAt": "2027-01-20T09:00:00Z"}""")
    public record AgreementView(UUID id, UUID requestId, UUID solutionId, UUID municipalityId, String terms,
                                LocalDate startDate, @Schema(description = "absent without a cost split") ReuseRequests.CostSharing costSharing,
                                List<ParticipantView> participants, String agreedBy, Instant agreedAt) {
    }

    @Schema(name = "ReuseAgreementParticipant", description = "A participating municipality and its cost shares", examples = """
            {"municipalityId": "6b2c0000-0000-4000-8000-00000000000a", "name": "Stadt A", "population": 50000,
             "developmentShareCents": 34, "operatingShareCents": 0}""")
    public record ParticipantView(UUID municipalityId, String name, Integer population,
                                  @Schema(description = "absent without a cost split") Long developmentShareCents,
                                  @Schema(description = "absent without a cost split") Long operatingShareCents) {

        static ParticipantView of(AgreementParticipant p) {
            return new ParticipantView(p.municipalityId, p.name, p.population, p.developmentShareCents, p.operatingShareCents);
        }
    }

    @Schema(name = "ReuseRequestPage", description = "One page of reuse requests (the shared page shape)")
    public record ReuseRequestPage(
            List<RequestView> items,
            @Schema(description = "0-based page number", examples = "0") int page,
            @Schema(description = "page size", examples = "20") int size,
            @Schema(description = "number of items on all pages that the caller may see", examples = "42") long total) {

        public static ReuseRequestPage of(de.govtech.platform.support.paging.Page<RequestView> page) {
            return new ReuseRequestPage(page.items(), page.page(), page.size(), page.total());
        }
    }

    @Schema(name = "ReuseAgreementPage", description = "One page of reuse agreements (the shared page shape)")
    public record ReuseAgreementPage(
            List<AgreementView> items,
            @Schema(description = "0-based page number", examples = "0") int page,
            @Schema(description = "page size", examples = "20") int size,
            @Schema(description = "number of items on all pages that the caller may see", examples = "42") long total) {

        public static ReuseAgreementPage of(de.govtech.platform.support.paging.Page<AgreementView> page) {
            return new ReuseAgreementPage(page.items(), page.page(), page.size(), page.total());
        }
    }
}
