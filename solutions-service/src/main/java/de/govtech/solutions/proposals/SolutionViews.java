package de.govtech.solutions.proposals;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of the solution operations. */
public final class SolutionViews {

    private SolutionViews() {
    }

    @Schema(name = "Solution", description = "A solution with its history (who moved it, when and why)", examples = """
            {"id": "0b7c5c1e-6a57-4c39-9a53-0c2f0e7d1a11", "title": "Digitale Terminvergabe Bürgerbüro",
             "problem": "Lange Wartezeiten", "intendedOutcome": "Online-Termine", "category": "Bürgerservice",
             "leikaKeys": ["99115003001000"],
             "proposingMunicipalityId": "6b2c0000-0000-4000-8000-00000000000a", "status": "SHORTLISTED",
             "proposedBy": "a1b2", "proposedAt": "2026-11-02T09:00:00Z", "statusChangedAt": "2026-11-20T10:00:00Z",
             "history": [{"to": "PROPOSED", "actor": "a1b2", "at": "2026-11-02T09:00:00Z"},
                         {"from": "PROPOSED", "to": "SHORTLISTED", "actor": "c3d4", "at": "2026-11-20T10:00:00Z",
                          "reason": "Platz 1 der Auswahlrunde"}]}""")
    public record SolutionView(
            UUID id, String title, String problem, String intendedOutcome, String category, String ozgReference,
            List<String> leikaKeys,
            @Schema(description = "absent for a proposal of the association itself") UUID proposingMunicipalityId,
            SolutionStatus status, String proposedBy, Instant proposedAt, Instant statusChangedAt,
            @Schema(description = "SPDX licence it was released under; absent before the release") String licence,
            @Schema(description = "oldest first; absent in lists") List<TransitionView> history) {

        static SolutionView of(Solution s, List<TransitionView> history) {
            return new SolutionView(s.id, s.title, s.problem, s.intendedOutcome, s.category, s.ozgReference, s.leikaKeyList(),
                    s.proposingMunicipalityId, s.status, s.proposedBy, s.proposedAt, s.statusChangedAt, s.licence, history);
        }
    }

    @Schema(name = "SolutionTransition", description = "One entry of a solution's history", examples = """
            {"from": "PROPOSED", "to": "SHORTLISTED", "actor": "c3d4", "at": "2026-11-20T10:00:00Z", "reason": "Platz 1"}""")
    public record TransitionView(
            @Schema(description = "absent for the proposal itself") SolutionStatus from, SolutionStatus to,
            @Schema(description = "token subject of who did it") String actor, Instant at, String reason) {

        static TransitionView of(SolutionTransition t) {
            return new TransitionView(t.fromStatus, t.toStatus, t.actor, t.occurredAt, t.reason);
        }
    }

    @Schema(name = "SolutionCategoryList", description = "The managed list of solution categories", examples = """
            {"categories": ["Bürgerservice", "Bauen & Wohnen", "Personal"]}""")
    public record CategoryList(List<String> categories) {
    }

    @Schema(name = "SolutionPage", description = "One page of solutions (without history) (the shared page shape)")
    public record SolutionPage(
            List<SolutionView> items,
            @Schema(description = "0-based page number", examples = "0") int page,
            @Schema(description = "page size", examples = "20") int size,
            @Schema(description = "number of items on all pages that the caller may see", examples = "42") long total) {

        public static SolutionPage of(de.govtech.platform.support.paging.Page<SolutionView> page) {
            return new SolutionPage(page.items(), page.page(), page.size(), page.total());
        }
    }
}
