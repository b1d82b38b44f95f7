package de.govtech.learning.catalogue;

import de.govtech.learning.courses.Course;
import de.govtech.learning.courses.CourseFormat;
import de.govtech.learning.courses.CourseLevel;
import de.govtech.learning.courses.LearnerCourse;
import de.govtech.learning.members.Members;
import de.govtech.learning.shared.LearningRoles;
import de.govtech.platform.support.security.Caller;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.paging.PageRequest;
import de.govtech.platform.support.problem.DomainProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of published courses for signed-in staff of ACTIVE members (and authors): PostgreSQL full-text search
 * with the German configuration ({@code websearch_to_tsquery}, ranked with {@code ts_rank_cd}), filters, paging.
 */
@ApplicationScoped
public class Catalogue {

    private final EntityManager entities;
    private final Members members;

    public Catalogue(EntityManager entities, Members members) {
        this.entities = entities;
        this.members = members;
    }

    /** Authors see the catalogue; learners when their municipality is an ACTIVE member. */
    public void requireBrowser(Caller caller) {
        if (LearningRoles.isAuthor(caller)) {
            return;
        }
        if (!caller.isMunicipalityUser()) {
            throw DomainProblemException.forbidden("The catalogue is open to staff of member municipalities");
        }
        members.requireActive(caller.requireMunicipality());
    }

    @Transactional
    public Page<CatalogueCourse> search(Caller caller, CatalogueFilter filter, CourseLevel level, CourseFormat format,
                                        PageRequest paging) {
        requireBrowser(caller);
        String text = filter.text();
        StringBuilder from = new StringBuilder(" from course c");
        if (text != null) {
            from.append(" cross join websearch_to_tsquery('german'::regconfig, :q) q");
        }
        from.append(" where c.status = 'PUBLISHED'");
        if (text != null) {
            from.append(" and c.search_document @@ q");
        }
        if (filter.topic != null && !filter.topic.isBlank()) {
            from.append(" and c.topic = :topic");
        }
        if (level != null) {
            from.append(" and c.level = :level");
        }
        if (format != null) {
            from.append(" and c.format = :format");
        }
        String order = (text != null ? "ts_rank_cd(c.search_document, q) desc, " : "") + "lower(c.title), c.id";
        Query page = entities.createNativeQuery("select cast(c.id as text)" + from + " order by " + order
                + " limit :limit offset :offset");
        Query count = entities.createNativeQuery("select count(*)" + from);
        for (Query query : List.of(page, count)) {
            if (text != null) {
                query.setParameter("q", text);
            }
            if (filter.topic != null && !filter.topic.isBlank()) {
                query.setParameter("topic", filter.topic.strip());
            }
            if (level != null) {
                query.setParameter("level", level.name());
            }
            if (format != null) {
                query.setParameter("format", format.name());
            }
        }
        page.setParameter("limit", paging.size).setParameter("offset", (long) paging.page * paging.size);
        List<UUID> ids = new ArrayList<>();
        for (Object id : page.getResultList()) {
            ids.add(UUID.fromString(id.toString()));
        }
        long total = ((Number) count.getSingleResult()).longValue();
        Map<UUID, Course> byId = ids.isEmpty() ? Map.of() : Course.<Course>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
        List<CatalogueCourse> items = ids.stream().map(byId::get).map(CatalogueCourse::of).toList();
        return new Page<>(items, paging.page, paging.size, total);
    }

    @Transactional
    public LearnerCourse bySlug(Caller caller, String slug) {
        requireBrowser(caller);
        Course course = Course.<Course>find("slug = ?1 and status = ?2", slug,
                de.govtech.learning.courses.CourseStatus.PUBLISHED).firstResult();
        if (course == null) {
            throw DomainProblemException.notFound("Course", slug);
        }
        return LearnerCourse.of(course);
    }
}
