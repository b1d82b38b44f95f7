package de.govtech.membership.fees;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "FeeAssessmentRun", description = "What one run of the yearly assessment did", examples = """
        {"year": 2026, "scheduleValidFromYear": 2026, "scheduleVersion": "2026-example-1", "exampleSchedule": true,
         "createdInvoiceIds": ["5b1e3c9a-6f0d-4c1e-9a52-0c7d9e3f1a20"], "alreadyAssessed": 13,
         "skipped": [{"membershipId": "0d6f5a0e-3b7c-3f43-a4c1-1e5f6c2b9d10", "municipalityId": "a0000000-0000-4000-8000-00000000000a",
                      "reason": "POPULATION_MISSING"}]}""")
public record AssessmentResult(
        @Schema(examples = "2026") int year,
        @Schema(examples = "2026") int scheduleValidFromYear,
        @Schema(examples = "2026-example-1") String scheduleVersion,
        @Schema(examples = "true") boolean exampleSchedule,
        @Schema(description = "invoices this run created") List<UUID> createdInvoiceIds,
        @Schema(description = "memberships that had their invoice for the year already", examples = "13") int alreadyAssessed,
        @Schema(description = "memberships of the year that get no invoice, and why") List<Skipped> skipped) {

    @Schema(name = "FeeAssessmentSkipReason", description = "NO_CHARGEABLE_MONTH (member, but not for one whole "
            + "calendar month of the year) or POPULATION_MISSING (no population figure valid at the reference date)")
    public enum SkipReason {
        /** Member in the year, but not for one whole calendar month (e.g. the founding members in 2025). */
        NO_CHARGEABLE_MONTH,
        /**
         * The municipality has no population figure valid at the schedule's reference date: never invoiced at zero;
         * a platform admin records the figure (with its date) and runs the assessment again.
         */
        POPULATION_MISSING
    }

    @Schema(name = "FeeAssessmentSkip", description = "A membership that got no invoice", examples = """
            {"membershipId": "0d6f5a0e-3b7c-3f43-a4c1-1e5f6c2b9d10", "municipalityId": "a0000000-0000-4000-8000-00000000000a",
             "reason": "NO_CHARGEABLE_MONTH"}""")
    public record Skipped(UUID membershipId, UUID municipalityId, @Schema(examples = "NO_CHARGEABLE_MONTH") SkipReason reason) {
    }
}
