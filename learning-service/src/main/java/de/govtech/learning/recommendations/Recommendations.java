package de.govtech.learning.recommendations;

import de.govtech.platform.support.security.Caller;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Published courses linked to apps provisioned for a municipality, computed when asked: a deprovisioned app's courses
 * disappear, a course published later appears.
 */
@ApplicationScoped
public class Recommendations {

    private static final String FROM = """
             from provisioned_app p
             join course_app ca on ca.app_id = p.app_id
             join course c on c.id = ca.course_id and c.status = 'PUBLISHED'
             where (cast(:municipality as uuid) is null or p.municipality_id = cast(:municipality as uuid))""";

    private final EntityManager entities;

    public Recommendations(EntityManager entities) {
        this.entities = entities;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Page<Recommendation> list(Caller caller, PageRequest paging) {
        String municipality = caller.isPlatformAdmin() ? null : caller.requireMunicipality().toString();
        List<Object[]> rows = entities.createNativeQuery("select cast(p.municipality_id as text), cast(c.id as text), c.slug,"
                        + " c.title, c.summary, c.topic, c.level, c.format,"
                        + " string_agg(distinct cast(p.app_id as text), ',')" + FROM
                        + " group by p.municipality_id, c.id order by p.municipality_id, lower(c.title), c.id"
                        + " limit :limit offset :offset")
                .setParameter("municipality", municipality).setParameter("limit", paging.size)
                .setParameter("offset", (long) paging.page * paging.size).getResultList();
        long total = ((Number) entities.createNativeQuery("select count(distinct (p.municipality_id, c.id))" + FROM)
                .setParameter("municipality", municipality).getSingleResult()).longValue();
        List<Recommendation> items = rows.stream().map(r -> new Recommendation(UUID.fromString((String) r[0]),
                UUID.fromString((String) r[1]), (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6],
                (String) r[7], Arrays.stream(((String) r[8]).split(",")).map(UUID::fromString).sorted().toList())).toList();
        return new Page<>(items, paging.page, paging.size, total);
    }
}
