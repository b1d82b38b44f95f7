package de.govtech.solutions.proposals;

import de.govtech.platform.events.solutions.SolutionProposed;
import de.govtech.platform.events.solutions.SolutionReleasedForReuse;
import de.govtech.platform.events.solutions.SolutionRetired;
import de.govtech.platform.events.solutions.SolutionStatusChanged;
import de.govtech.platform.messaging.outbox.Outbox;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Proposals and the solution lifecycle. A transition locks the solution row, checks {@link SolutionLifecycle},
 * records the history entry and appends its events in one transaction.
 */
@ApplicationScoped
public class SolutionService {

    /** Where members ask to reuse a released solution (named in solution-released-for-reuse). */
    public static final String REUSE_REQUEST_PATH = "/api/v1/solutions/solutions/%s/reuse-requests";

    private final Outbox outbox;
    private final Clock clock;
    private final SolutionAccess access;
    private final SolutionCategories categories;
    private final ReleaseFacts releaseFacts;

    SolutionService(Outbox outbox, Clock clock, SolutionAccess access, SolutionCategories categories,
                    ReleaseFacts releaseFacts) {
        this.outbox = outbox;
        this.clock = clock;
        this.access = access;
        this.categories = categories;
        this.releaseFacts = releaseFacts;
    }

    @Transactional
    public SolutionViews.SolutionView propose(Caller caller, SolutionRequests.Proposal request) {
        UUID municipality = access.requirePropose(caller, request.proposingMunicipalityId());
        if (!categories.contains(request.category())) {
            throw DomainProblemException.unprocessable("category must be one of " + categories.all(), "category");
        }
        Solution solution = Solution.propose(request, municipality, caller.subject(), clock.instant());
        outbox.append(new SolutionProposed(solution.id, solution.title, solution.category, municipality, solution.proposedAt));
        return view(solution);
    }

    public Page<SolutionViews.SolutionView> list(Caller caller, SolutionStatus status, String category, int page, int size) {
        access.requireRead(caller);
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (status != null) {
            where.add("status = :status");
            parameters.and("status", status);
        }
        if (category != null) {
            where.add("category = :category");
            parameters.and("category", category);
        }
        Sort order = Sort.by("proposedAt", Sort.Direction.Descending).and("id");
        PanacheQuery<Solution> query = where.isEmpty() ? Solution.findAll(order)
                : Solution.find(String.join(" and ", where), order, parameters);
        List<SolutionViews.SolutionView> items = query.page(page, size).list().stream()
                .map(s -> SolutionViews.SolutionView.of(s, null)).toList();
        return new Page<>(items, page, size, query.count());
    }

    public SolutionViews.SolutionView get(Caller caller, UUID id) {
        access.requireRead(caller);
        return view(require(id));
    }

    public List<String> categories(Caller caller) {
        access.requireRead(caller);
        return categories.all();
    }

    @Transactional
    public SolutionViews.SolutionView change(Caller caller, UUID id, SolutionAction action, String reason, String licence) {
        caller.requirePlatformAdmin();
        Solution solution = Solution.forUpdate(id).orElseThrow(() -> DomainProblemException.notFound("Solution", id));
        Instant now = clock.instant();
        ReleaseFacts.Facts facts = null;
        if (action == SolutionAction.RELEASE) {
            SolutionLifecycle.next(solution.status, action);
            facts = releaseFacts.of(solution, licence);
            solution.licence = facts.licence();
        }
        SolutionStatus from = solution.apply(action, caller.subject(), now, reason);
        outbox.append(new SolutionStatusChanged(solution.id, from.name(), solution.status.name(), reason, caller.subject(), now));
        if (action == SolutionAction.RELEASE) {
            outbox.append(new SolutionReleasedForReuse(solution.id, solution.title, facts.licence(), now, facts.shortDescription(),
                    solution.category, facts.repositoryUrl(), facts.developmentStatus(), REUSE_REQUEST_PATH.formatted(solution.id)));
        } else if (action == SolutionAction.RETIRE) {
            outbox.append(new SolutionRetired(solution.id, reason, now));
        }
        return view(solution);
    }

    private static Solution require(UUID id) {
        return Solution.<Solution>findByIdOptional(id).orElseThrow(() -> DomainProblemException.notFound("Solution", id));
    }

    private static SolutionViews.SolutionView view(Solution solution) {
        return SolutionViews.SolutionView.of(solution,
                SolutionTransition.of(solution.id).stream().map(SolutionViews.TransitionView::of).toList());
    }
}
