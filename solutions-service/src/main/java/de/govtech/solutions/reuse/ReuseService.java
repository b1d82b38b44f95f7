package de.govtech.solutions.reuse;

import de.govtech.platform.support.persistence.UniqueViolations;
import de.govtech.platform.events.solutions.ReuseAgreed;
import de.govtech.platform.messaging.outbox.Outbox;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.FieldError;
import de.govtech.platform.support.problem.ProblemType;
import de.govtech.solutions.members.MemberMunicipality;
import de.govtech.solutions.members.Members;
import de.govtech.solutions.proposals.Solution;
import de.govtech.solutions.proposals.SolutionStatus;
import de.govtech.platform.support.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reuse requests and the agreements concluded by accepting them; the cost split follows {@link CostSplit}. */
@ApplicationScoped
public class ReuseService {

    static final ProblemType OPEN_REQUEST_EXISTS =
            ProblemType.of("reuse-request-open", "The municipality already has an open request for this solution", 409);

    private final Outbox outbox;
    private final Clock clock;
    private final ReuseAccess access;
    private final Members members;

    ReuseService(Outbox outbox, Clock clock, ReuseAccess access, Members members) {
        this.outbox = outbox;
        this.clock = clock;
        this.access = access;
        this.members = members;
    }

    @Transactional
    public ReuseViews.RequestView ask(Caller caller, UUID solutionId, ReuseRequests.Ask body) {
        UUID municipality = access.requireAsk(caller);
        Solution solution = Solution.<Solution>findByIdOptional(solutionId)
                .orElseThrow(() -> DomainProblemException.notFound("Solution", solutionId));
        if (solution.status != SolutionStatus.AVAILABLE_FOR_REUSE) {
            throw DomainProblemException.conflict("Solution " + solutionId + " is " + solution.status + ", not available for reuse");
        }
        String message = body == null || body.message() == null || body.message().isBlank() ? null : body.message().strip();
        ReuseRequest request = ReuseRequest.open(solutionId, municipality, message, caller.subject(), clock.instant());
        try {
            request.persistAndFlush();
        } catch (PersistenceException e) {
            if (UniqueViolations.of(e, "reuse_request_one_open")) {
                throw new DomainProblemException(OPEN_REQUEST_EXISTS, "Municipality " + municipality
                        + " already has an open request for solution " + solutionId);
            }
            throw e;
        }
        return ReuseViews.RequestView.of(request, null);
    }

    public Page<ReuseViews.RequestView> requestsOf(Caller caller, UUID solutionId, int page, int size) {
        if (Solution.findById(solutionId) == null) {
            throw DomainProblemException.notFound("Solution", solutionId);
        }
        Sort order = Sort.by("requestedAt").and("id");
        PanacheQuery<ReuseRequest> query;
        if (access.isProvidingSide(caller, solutionId)) {
            query = ReuseRequest.find("solutionId", order, solutionId);
        } else if (caller.isMunicipalityUser()) {
            query = ReuseRequest.find("solutionId = ?1 and municipalityId = ?2", order, solutionId, caller.municipalityId().get());
        } else {
            throw DomainProblemException.forbidden("Reuse requests are seen by their municipalities and platform admins");
        }
        List<ReuseRequest> found = query.page(page, size).list();
        Map<UUID, UUID> agreements = agreementsOf(found.stream().map(r -> r.id).toList());
        return new Page<>(found.stream().map(r -> ReuseViews.RequestView.of(r, agreements.get(r.id))).toList(), page, size, query.count());
    }

    public ReuseViews.RequestView request(Caller caller, UUID id) {
        ReuseRequest request = ReuseRequest.<ReuseRequest>findByIdOptional(id)
                .orElseThrow(() -> DomainProblemException.notFound("Reuse request", id));
        access.requireSeeRequest(caller, request);
        return ReuseViews.RequestView.of(request, agreementsOf(List.of(id)).get(id));
    }

    @Transactional
    public ReuseViews.RequestView decline(Caller caller, UUID id, String reason) {
        ReuseRequest request = ReuseRequest.forUpdate(id).orElseThrow(() -> DomainProblemException.notFound("Reuse request", id));
        access.requireDecide(caller, request.solutionId);
        request.decide(ReuseRequestStatus.DECLINED, caller.subject(), clock.instant(), reason);
        return ReuseViews.RequestView.of(request, null);
    }

    @Transactional
    public ReuseViews.AgreementView accept(Caller caller, UUID id, ReuseRequests.Accept body) {
        ReuseRequest request = ReuseRequest.forUpdate(id).orElseThrow(() -> DomainProblemException.notFound("Reuse request", id));
        access.requireDecide(caller, request.solutionId);
        Solution solution = Solution.findById(request.solutionId);
        if (solution.status != SolutionStatus.AVAILABLE_FOR_REUSE) {
            throw DomainProblemException.conflict("The solution is " + solution.status + ", no longer available for reuse");
        }
        Instant now = clock.instant();
        request.decide(ReuseRequestStatus.ACCEPTED, caller.subject(), now, null);
        List<MemberMunicipality> participants = participants(request.municipalityId, body);
        ReuseAgreement agreement = new ReuseAgreement();
        agreement.id = UUID.randomUUID();
        agreement.requestId = request.id;
        agreement.solutionId = request.solutionId;
        agreement.municipalityId = request.municipalityId;
        agreement.terms = body.terms().strip();
        agreement.startsOn = body.startDate();
        agreement.agreedBy = caller.subject();
        agreement.agreedAt = now;
        Map<UUID, Long> development = Map.of();
        Map<UUID, Long> operating = Map.of();
        if (body.costSharing() != null) {
            agreement.costSplitMethod = body.costSharing().method();
            agreement.developmentCostCents = body.costSharing().developmentCostCents();
            agreement.operatingCostCents = body.costSharing().operatingCostCents();
            Map<UUID, Long> weights = weights(participants, agreement.costSplitMethod);
            development = shares(agreement.developmentCostCents, agreement.costSplitMethod, weights);
            operating = shares(agreement.operatingCostCents, agreement.costSplitMethod, weights);
        }
        agreement.persist();
        for (MemberMunicipality member : participants) {
            AgreementParticipant participant = new AgreementParticipant();
            participant.agreementId = agreement.id;
            participant.municipalityId = member.municipalityId;
            participant.name = member.name;
            participant.population = member.population;
            participant.developmentShareCents = development.get(member.municipalityId);
            participant.operatingShareCents = operating.get(member.municipalityId);
            participant.persist();
        }
        outbox.append(new ReuseAgreed(agreement.id, agreement.solutionId, agreement.municipalityId, now,
                participants.stream().map(m -> m.municipalityId).sorted().toList()));
        return view(agreement);
    }

    public Page<ReuseViews.AgreementView> agreements(Caller caller, int page, int size) {
        Sort order = Sort.by("agreedAt", Sort.Direction.Descending).and("id");
        PanacheQuery<ReuseAgreement> query;
        if (caller.isPlatformAdmin()) {
            query = ReuseAgreement.findAll(order);
        } else if (caller.isMunicipalityUser()) {
            query = ReuseAgreement.find("id in (select p.agreementId from AgreementParticipant p where p.municipalityId = ?1)",
                    order, caller.municipalityId().get());
        } else {
            throw DomainProblemException.forbidden("Reuse agreements are seen by their participants and platform admins");
        }
        return new Page<>(query.page(page, size).list().stream().map(ReuseService::view).toList(), page, size, query.count());
    }

    public ReuseViews.AgreementView agreement(Caller caller, UUID id) {
        ReuseAgreement agreement = ReuseAgreement.<ReuseAgreement>findByIdOptional(id)
                .orElseThrow(() -> DomainProblemException.notFound("Reuse agreement", id));
        access.requireSeeAgreement(caller, AgreementParticipant.of(id).stream().map(p -> p.municipalityId).toList());
        return view(agreement);
    }

    /** The requester and the named municipalities, each an ACTIVE member; 422 naming every one that is not. */
    private List<MemberMunicipality> participants(UUID requester, ReuseRequests.Accept body) {
        List<FieldError> errors = new ArrayList<>();
        if (!members.isActive(requester)) {
            throw DomainProblemException.conflict("The requesting municipality " + requester + " is no longer an active member");
        }
        Set<UUID> ids = new LinkedHashSet<>(List.of(requester));
        List<UUID> named = body.participatingMunicipalityIds() == null ? List.of() : body.participatingMunicipalityIds();
        for (int i = 0; i < named.size(); i++) {
            if (!members.isActive(named.get(i))) {
                errors.add(new FieldError("participatingMunicipalityIds[" + i + "]", "is not an active member municipality"));
            }
            ids.add(named.get(i));
        }
        if (!errors.isEmpty()) {
            throw new DomainProblemException(ProblemType.UNPROCESSABLE_CONTENT, "The agreement has " + errors.size()
                    + " error(s)", errors);
        }
        Map<UUID, MemberMunicipality> byId = members.all(ids).stream()
                .collect(Collectors.toMap(m -> m.municipalityId, Function.identity()));
        return ids.stream().map(byId::get).toList();
    }

    private static Map<UUID, Long> weights(List<MemberMunicipality> participants, CostSplit.Method method) {
        Map<UUID, Long> weights = new LinkedHashMap<>();
        for (MemberMunicipality member : participants) {
            if (method == CostSplit.Method.POPULATION && member.population == null) {
                throw DomainProblemException.unprocessable("The population of " + member.name + " (" + member.municipalityId
                        + ") is unknown; split EQUAL instead", "costSharing.method");
            }
            weights.put(member.municipalityId, member.population == null ? 0L : member.population.longValue());
        }
        if (method == CostSplit.Method.POPULATION && weights.values().stream().allMatch(w -> w == 0)) {
            throw DomainProblemException.unprocessable("The participants have no inhabitants to split by", "costSharing.method");
        }
        return weights;
    }

    private static Map<UUID, Long> shares(long cents, CostSplit.Method method, Map<UUID, Long> weights) {
        return CostSplit.split(cents, method, weights).stream()
                .collect(Collectors.toMap(CostSplit.Share::municipalityId, CostSplit.Share::cents));
    }

    private static Map<UUID, UUID> agreementsOf(List<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        return ReuseAgreement.<ReuseAgreement>list("requestId in ?1", requestIds).stream()
                .collect(Collectors.toMap(a -> a.requestId, a -> a.id));
    }

    private static ReuseViews.AgreementView view(ReuseAgreement a) {
        ReuseRequests.CostSharing costs = a.costSplitMethod == null ? null
                : new ReuseRequests.CostSharing(a.costSplitMethod, a.developmentCostCents, a.operatingCostCents);
        return new ReuseViews.AgreementView(a.id, a.requestId, a.solutionId, a.municipalityId, a.terms, a.startsOn, costs,
                AgreementParticipant.of(a.id).stream().map(ReuseViews.ParticipantView::of).toList(), a.agreedBy, a.agreedAt);
    }
}
