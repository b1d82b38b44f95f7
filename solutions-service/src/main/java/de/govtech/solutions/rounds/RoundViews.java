package de.govtech.solutions.rounds;

import de.govtech.platform.support.time.PlatformClock;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/** Response bodies of the selection round operations. */
public final class RoundViews {

    private RoundViews() {
    }

    static String berlin(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(PlatformClock.inGermany(instant));
    }

    @Schema(name = "SelectionRound", description = "A pilot selection round; times as instants and as local time in "
            + "Europe/Berlin. results is present once the round is closed.", examples = """
            {"id": "9d3c1b0a-2f4e-4a5b-8c6d-7e8f9a0b1c2d", "title": "Pilotauswahl 2027", "status": "OPEN",
             "candidates": [{"solutionId": "0b7c5c1e-6a57-4c39-9a53-0c2f0e7d1a11", "title": "Digitale Terminvergabe"}],
             "pointsPerMember": 10, "votingOpensAt": "2027-01-11T08:00:00Z", "votingClosesAt": "2027-01-29T16:00:00Z",
             "votingOpensAtBerlin": "2027-01-11T09:00:00+01:00", "votingClosesAtBerlin": "2027-01-29T17:00:00+01:00",
             "acceptingBallots": true, "openedAt": "2026-12-01T10:00:00Z"}""")
    public record RoundView(
            UUID id, String title, RoundStatus status, List<CandidateView> candidates, int pointsPerMember,
            Instant votingOpensAt, Instant votingClosesAt,
            @Schema(description = "votingOpensAt in Europe/Berlin with its offset") String votingOpensAtBerlin,
            @Schema(description = "votingClosesAt in Europe/Berlin with its offset") String votingClosesAtBerlin,
            @Schema(description = "whether a ballot cast now would be accepted") boolean acceptingBallots,
            Instant openedAt, Instant closedAt, String closedAtBerlin,
            @Schema(description = "the published ranking; absent until the round is closed") ResultsView results) {
    }

    @Schema(name = "SelectionRoundCandidate", description = "A candidate solution of a round", examples = """
            {"solutionId": "0b7c5c1e-6a57-4c39-9a53-0c2f0e7d1a11", "title": "Digitale Terminvergabe"}""")
    public record CandidateView(UUID solutionId, String title) {
    }

    @Schema(name = "SelectionRoundResults", description = "The ranking with point totals and the turnout (members voted / "
            + "members eligible = ACTIVE members). Final once the round is closed; before that only platform admins see it, "
            + "as a provisional count.", examples = """
            {"roundId": "9d3c1b0a-2f4e-4a5b-8c6d-7e8f9a0b1c2d", "finalResult": true,
             "ranking": [{"rank": 1, "solutionId": "0b7c5c1e-6a57-4c39-9a53-0c2f0e7d1a11", "title": "Digitale Terminvergabe", "points": 42}],
             "membersVoted": 9, "membersEligible": 13}""")
    public record ResultsView(UUID roundId, boolean finalResult, List<RankedView> ranking, int membersVoted, int membersEligible) {
    }

    @Schema(name = "SelectionRoundRank", description = "One line of a ranking; equal totals share a rank", examples = """
            {"rank": 1, "solutionId": "0b7c5c1e-6a57-4c39-9a53-0c2f0e7d1a11", "title": "Digitale Terminvergabe", "points": 42}""")
    public record RankedView(int rank, UUID solutionId, String title, int points) {
    }

    @Schema(name = "CastBallot", description = "A member's ballot as stored; revision counts how often it was cast", examples = """
            {"roundId": "9d3c1b0a-2f4e-4a5b-8c6d-7e8f9a0b1c2d", "municipalityId": "6b2c0000-0000-4000-8000-00000000000a",
             "allocations": [{"solutionId": "0b7c5c1e-6a57-4c39-9a53-0c2f0e7d1a11", "points": 7}],
             "castBy": "a1b2", "castAt": "2027-01-12T09:30:00Z", "revision": 2}""")
    public record BallotView(UUID roundId, UUID municipalityId, List<BallotRequest.Allocation> allocations, String castBy,
                             Instant castAt, int revision) {

        static BallotView of(Ballot ballot) {
            return new BallotView(ballot.roundId, ballot.municipalityId, ballot.points().entrySet().stream()
                    .map(e -> new BallotRequest.Allocation(e.getKey(), e.getValue())).toList(),
                    ballot.castBy, ballot.castAt, ballot.revision);
        }
    }

    @Schema(name = "SelectionRoundPage", description = "One page of selection rounds (the shared page shape)")
    public record SelectionRoundPage(
            List<RoundView> items,
            @Schema(description = "0-based page number", examples = "0") int page,
            @Schema(description = "page size", examples = "20") int size,
            @Schema(description = "number of items on all pages that the caller may see", examples = "42") long total) {

        public static SelectionRoundPage of(de.govtech.platform.support.paging.Page<RoundView> page) {
            return new SelectionRoundPage(page.items(), page.page(), page.size(), page.total());
        }
    }
}
