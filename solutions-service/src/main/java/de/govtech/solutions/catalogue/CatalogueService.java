package de.govtech.solutions.catalogue;

import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.ProblemType;
import de.govtech.solutions.proposals.Solution;
import de.govtech.solutions.proposals.SolutionAccess;
import de.govtech.solutions.proposals.SolutionService;
import de.govtech.solutions.proposals.SolutionStatus;
import de.govtech.platform.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** publiccode.yml import and export, and the members' search of the reuse catalogue. */
@ApplicationScoped
public class CatalogueService {

    static final ProblemType INVALID_PUBLICCODE =
            ProblemType.of("invalid-publiccode", "The publiccode.yml document is invalid", 422);
    static final String PUBLICCODE_PATH = "/api/v1/solutions/solutions/%s/publiccode";

    private static final String SEARCH_TEXT = "to_tsvector('german', s.title || ' ' || s.problem || ' ' || s.intended_outcome"
            + " || ' ' || coalesce(p.name, '') || ' ' || coalesce(p.short_description, '') || ' ' || coalesce(p.long_description, ''))";

    private final SolutionAccess access;
    private final Clock clock;

    CatalogueService(SolutionAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public CatalogueViews.ImportView importDocument(Caller caller, UUID solutionId, String raw) {
        caller.requirePlatformAdmin();
        Solution solution = Solution.forUpdate(solutionId).orElseThrow(() -> DomainProblemException.notFound("Solution", solutionId));
        if (solution.status == SolutionStatus.DECLINED || solution.status == SolutionStatus.RETIRED) {
            throw DomainProblemException.conflict("A " + solution.status + " solution gets no publiccode.yml");
        }
        PublicCodeValidator.Result result = PublicCodeValidator.validate(raw);
        if (!result.valid()) {
            throw new DomainProblemException(INVALID_PUBLICCODE,
                    "The publiccode.yml document has " + result.errors().size() + " error(s)", result.errors());
        }
        return CatalogueViews.ImportView.of(PublicCode.store(solutionId, raw, result.document(), caller.subject(), clock.instant()));
    }

    public String export(Caller caller, UUID solutionId) {
        access.requireRead(caller);
        if (Solution.findById(solutionId) == null) {
            throw DomainProblemException.notFound("Solution", solutionId);
        }
        return PublicCode.of(solutionId).map(code -> code.raw)
                .orElseThrow(() -> DomainProblemException.notFound("publiccode.yml of solution", solutionId));
    }

    /** Solutions AVAILABLE_FOR_REUSE, most recently released first, matching every given criterion. */
    public Page<CatalogueViews.Entry> search(Caller caller, CatalogueQuery query, int page, int size) {
        access.requireRead(caller);
        List<String> where = new ArrayList<>(List.of("s.status = 'AVAILABLE_FOR_REUSE'"));
        Map<String, Object> parameters = new HashMap<>();
        if (query.text() != null) {
            where.add(SEARCH_TEXT + " @@ websearch_to_tsquery('german', :text)");
            parameters.put("text", query.text());
        }
        if (query.category() != null) {
            where.add("s.category = :category");
            parameters.put("category", query.category());
        }
        if (query.licence() != null) {
            where.add("lower(s.licence) = lower(:licence)");
            parameters.put("licence", query.licence());
        }
        if (query.developmentStatus() != null) {
            where.add("p.development_status = :status");
            parameters.put("status", query.developmentStatus());
        }
        String from = " from solution s left join solution_publiccode p on p.solution_id = s.id where " + String.join(" and ", where);
        var em = Solution.getEntityManager();
        Query count = em.createNativeQuery("select count(*)" + from);
        Query ids = em.createNativeQuery("select s.id" + from + " order by s.status_changed_at desc, s.id limit :limit offset :offset")
                .setParameter("limit", size).setParameter("offset", (long) page * size);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            ids.setParameter(name, value);
        });
        List<UUID> found = ((List<?>) ids.getResultList()).stream().map(id -> (UUID) id).toList();
        long total = ((Number) count.getSingleResult()).longValue();
        Map<UUID, Solution> solutions = found.isEmpty() ? Map.of() : Solution.<Solution>list("id in ?1", found).stream()
                .collect(Collectors.toMap(s -> s.id, Function.identity()));
        Map<UUID, PublicCode> codes = found.isEmpty() ? Map.of() : PublicCode.<PublicCode>list("solutionId in ?1", found).stream()
                .collect(Collectors.toMap(c -> c.solutionId, Function.identity()));
        return new Page<>(found.stream().map(id -> entry(solutions.get(id), codes.get(id))).toList(), page, size, total);
    }

    private static CatalogueViews.Entry entry(Solution s, PublicCode code) {
        return new CatalogueViews.Entry(s.id, s.title, s.category, s.leikaKeyList(), s.ozgReference,
                code == null ? null : code.name, code == null ? null : code.shortDescription, s.licence,
                code == null ? null : code.developmentStatus, code == null ? null : code.url,
                code == null ? null : PUBLICCODE_PATH.formatted(s.id), SolutionService.REUSE_REQUEST_PATH.formatted(s.id),
                s.statusChangedAt);
    }
}
