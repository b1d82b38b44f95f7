package de.govtech.solutions.rounds;

import de.govtech.platform.events.solutions.SelectionRoundClosed;
import de.govtech.platform.events.solutions.SelectionRoundOpened;
import de.govtech.platform.messaging.outbox.Outbox;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.FieldError;
import de.govtech.platform.support.problem.ProblemType;
import de.govtech.solutions.members.Members;
import de.govtech.solutions.proposals.Solution;
import de.govtech.solutions.proposals.SolutionLifecycle;
import de.govtech.platform.support.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Selection rounds and ballots. A ballot holds the round row under a shared lock and upserts the member's one ballot;
 * the close takes the round row exclusively, so it waits for ballots in flight, and no ballot slips in after it.
 */
@ApplicationScoped
public class RoundService {

    private final Outbox outbox;
    private final Clock clock;
    private final RoundAccess access;
    private final Members members;

    RoundService(Outbox outbox, Clock clock, RoundAccess access, Members members) {
        this.outbox = outbox;
        this.clock = clock;
        this.access = access;
        this.members = members;
    }

    @Transactional
    public RoundViews.RoundView open(Caller caller, RoundRequest request) {
        caller.requirePlatformAdmin();
        Instant now = clock.instant();
        List<FieldError> errors = new ArrayList<>();
        if (!request.votingClosesAt().isAfter(request.votingOpensAt())) {
            errors.add(new FieldError("votingClosesAt", "must be after votingOpensAt"));
        } else if (!request.votingClosesAt().isAfter(now)) {
            errors.add(new FieldError("votingClosesAt", "must be in the future"));
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < request.candidateSolutionIds().size(); i++) {
            UUID id = request.candidateSolutionIds().get(i);
            Solution solution = Solution.findById(id);
            String field = "candidateSolutionIds[" + i + "]";
            if (!seen.add(id)) {
                errors.add(new FieldError(field, "appears more than once"));
            } else if (solution == null) {
                errors.add(new FieldError(field, "no such solution"));
            } else if (!SolutionLifecycle.isCandidate(solution.status)) {
                errors.add(new FieldError(field, "is " + solution.status + "; candidates are PROPOSED or SHORTLISTED"));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainProblemException(ProblemType.UNPROCESSABLE_CONTENT, "The round has " + errors.size() + " error(s)", errors);
        }
        SelectionRound round = new SelectionRound();
        round.id = UUID.randomUUID();
        round.title = request.title().strip();
        round.pointsPerMember = request.pointsPerMember();
        round.votingOpensAt = request.votingOpensAt();
        round.votingClosesAt = request.votingClosesAt();
        round.status = RoundStatus.OPEN;
        round.openedBy = caller.subject();
        round.openedAt = now;
        round.persist();
        for (int i = 0; i < request.candidateSolutionIds().size(); i++) {
            RoundCandidate candidate = new RoundCandidate();
            candidate.roundId = round.id;
            candidate.solutionId = request.candidateSolutionIds().get(i);
            candidate.position = i;
            candidate.persist();
        }
        outbox.append(new SelectionRoundOpened(round.id, round.title, request.candidateSolutionIds(), round.pointsPerMember,
                round.votingOpensAt, round.votingClosesAt, now));
        return view(round, null);
    }

    public Page<RoundViews.RoundView> list(Caller caller, int page, int size) {
        access.requireRead(caller);
        var query = SelectionRound.<SelectionRound>findAll(Sort.by("openedAt", Sort.Direction.Descending).and("id"));
        return new Page<>(query.page(page, size).list().stream().map(r -> view(r, publishedResults(r))).toList(),
                page, size, query.count());
    }

    public RoundViews.RoundView get(Caller caller, UUID id) {
        access.requireRead(caller);
        SelectionRound round = require(id);
        return view(round, publishedResults(round));
    }

    public RoundViews.ResultsView results(Caller caller, UUID id) {
        SelectionRound round = require(id);
        access.requireResults(caller, round);
        if (round.status == RoundStatus.CLOSED) {
            return publishedResults(round);
        }
        List<Ballot> counted = countedBallots(round);
        return results(round, Tally.rank(RoundCandidate.of(round.id), counted.stream().map(Ballot::points).toList()),
                counted.size(), (int) members.countActive(), false);
    }

    @Transactional
    public RoundViews.RoundView close(Caller caller, UUID id) {
        caller.requirePlatformAdmin();
        SelectionRound round = SelectionRound.forClose(id).orElseThrow(() -> DomainProblemException.notFound("Selection round", id));
        List<Ballot> counted = countedBallots(round);
        List<Tally.Ranked> ranking = Tally.rank(RoundCandidate.of(round.id), counted.stream().map(Ballot::points).toList());
        Instant now = clock.instant();
        round.close(caller.subject(), now, counted.size(), (int) members.countActive());
        for (int line = 0; line < ranking.size(); line++) {
            RoundResult result = new RoundResult();
            result.roundId = round.id;
            result.solutionId = ranking.get(line).solutionId();
            result.line = line;
            result.rank = ranking.get(line).rank();
            result.points = ranking.get(line).points();
            result.persist();
        }
        outbox.append(new SelectionRoundClosed(round.id, ranking.stream()
                .map(r -> new SelectionRoundClosed.RankedCandidate(r.rank(), r.solutionId(), r.points())).toList(),
                round.membersVoted, round.membersEligible, now));
        return view(round, results(round, ranking, round.membersVoted, round.membersEligible, true));
    }

    @Transactional
    public RoundViews.BallotView cast(Caller caller, UUID roundId, UUID municipalityId, BallotRequest request) {
        access.requireCast(caller, municipalityId);
        SelectionRound round = SelectionRound.forBallot(roundId)
                .orElseThrow(() -> DomainProblemException.notFound("Selection round", roundId));
        round.requireAcceptsBallots(clock.instant());
        Map<UUID, Integer> points = BallotRules.validate(request.allocations(), new HashSet<>(RoundCandidate.of(roundId)),
                round.pointsPerMember);
        Ballot.castOrReplace(roundId, municipalityId, points, caller.subject(), clock.instant());
        return RoundViews.BallotView.of(Ballot.of(roundId, municipalityId).orElseThrow());
    }

    public RoundViews.BallotView ballot(Caller caller, UUID roundId, UUID municipalityId) {
        access.requireReadBallot(caller, municipalityId);
        require(roundId);
        return RoundViews.BallotView.of(Ballot.of(roundId, municipalityId)
                .orElseThrow(() -> DomainProblemException.notFound("Ballot of municipality", municipalityId)));
    }

    /** Ballots of municipalities that are ACTIVE members now; ballots of suspended or former members do not count. */
    private List<Ballot> countedBallots(SelectionRound round) {
        List<Ballot> ballots = Ballot.ofRound(round.id);
        Set<UUID> active = new HashSet<>(members.activeAmong(ballots.stream().map(b -> b.municipalityId).toList()));
        return ballots.stream().filter(b -> active.contains(b.municipalityId)).toList();
    }

    private static RoundViews.ResultsView publishedResults(SelectionRound round) {
        if (round.status != RoundStatus.CLOSED) {
            return null;
        }
        return results(round, RoundResult.of(round.id), round.membersVoted, round.membersEligible, true);
    }

    private static RoundViews.ResultsView results(SelectionRound round, List<Tally.Ranked> ranking, int voted, int eligible,
                                                  boolean published) {
        Map<UUID, String> titles = titles(ranking.stream().map(Tally.Ranked::solutionId).toList());
        return new RoundViews.ResultsView(round.id, published, ranking.stream()
                .map(r -> new RoundViews.RankedView(r.rank(), r.solutionId(), titles.get(r.solutionId()), r.points())).toList(),
                voted, eligible);
    }

    private RoundViews.RoundView view(SelectionRound round, RoundViews.ResultsView results) {
        List<UUID> candidates = RoundCandidate.of(round.id);
        Map<UUID, String> titles = titles(candidates);
        return new RoundViews.RoundView(round.id, round.title, round.status,
                candidates.stream().map(c -> new RoundViews.CandidateView(c, titles.get(c))).toList(), round.pointsPerMember,
                round.votingOpensAt, round.votingClosesAt, RoundViews.berlin(round.votingOpensAt),
                RoundViews.berlin(round.votingClosesAt), round.acceptsBallots(clock.instant()), round.openedAt, round.closedAt,
                RoundViews.berlin(round.closedAt), results);
    }

    private static Map<UUID, String> titles(List<UUID> solutionIds) {
        if (solutionIds.isEmpty()) {
            return Map.of();
        }
        return Solution.<Solution>list("id in ?1", solutionIds).stream()
                .collect(Collectors.toMap(s -> s.id, s -> s.title, (a, b) -> a));
    }

    private static SelectionRound require(UUID id) {
        return SelectionRound.<SelectionRound>findByIdOptional(id)
                .orElseThrow(() -> DomainProblemException.notFound("Selection round", id));
    }
}
