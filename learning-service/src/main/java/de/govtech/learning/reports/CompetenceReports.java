package de.govtech.learning.reports;

import de.govtech.platform.support.security.Caller;
import de.govtech.platform.support.problem.DomainProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The competence report over completed enrolments: a municipality admin for its own staff, a platform admin for one or
 * every municipality. Quarters are calendar quarters in Europe/Berlin.
 */
@ApplicationScoped
public class CompetenceReports {

    private static final String QUARTER = "to_char(e.completed_at at time zone 'Europe/Berlin', 'YYYY-\"Q\"Q')";
    private static final String FROM = " from enrolment e join course c on c.id = e.course_id"
            + " left join member_municipality m on m.municipality_id = e.municipality_id"
            + " where e.status = 'COMPLETED' and (cast(:municipality as uuid) is null or e.municipality_id = cast(:municipality as uuid))";

    private final EntityManager entities;

    public CompetenceReports(EntityManager entities) {
        this.entities = entities;
    }

    /** The municipality the caller may report on: their own (admins), the asked one or all (platform admins). */
    public Optional<UUID> scope(Caller caller, Optional<UUID> asked) {
        if (caller.isPlatformAdmin()) {
            return asked;
        }
        UUID own = caller.requireMunicipality();
        if (asked.isPresent() && !asked.get().equals(own)) {
            throw DomainProblemException.forbidden("You may only report on your own municipality");
        }
        return Optional.of(own);
    }

    @Transactional
    public CompetenceReport report(Optional<UUID> municipality) {
        String id = municipality.map(UUID::toString).orElse(null);
        List<CompetenceReport.TopicLevel> byTopic = rows(query("select c.topic, c.level, count(distinct e.learner_id), count(*)"
                + FROM + " group by c.topic, c.level order by c.topic, c.level", id))
                .stream().map(r -> new CompetenceReport.TopicLevel((String) r[0], (String) r[1], number(r[2]), number(r[3])))
                .toList();
        List<CompetenceReport.Quarter> byQuarter = rows(query("select " + QUARTER + ", count(*)" + FROM
                + " group by 1 order by 1", id))
                .stream().map(r -> new CompetenceReport.Quarter((String) r[0], number(r[1]))).toList();
        List<CompetenceRow> rows = rows(query("select cast(e.municipality_id as text), coalesce(m.name, ''), " + QUARTER
                + ", c.topic, c.level, count(distinct e.learner_id), count(*)" + FROM
                + " group by 1, 2, 3, 4, 5 order by 2, 1, 3, 4, 5", id))
                .stream().map(r -> new CompetenceRow(UUID.fromString((String) r[0]), (String) r[1], (String) r[2],
                        (String) r[3], (String) r[4], number(r[5]), number(r[6]))).toList();
        return new CompetenceReport(municipality.orElse(null), byTopic, byQuarter, rows);
    }

    private Query query(String sql, String municipality) {
        return entities.createNativeQuery(sql).setParameter("municipality", municipality);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
