package de.govtech.marketplace.offerings;

import de.govtech.platform.events.solutions.SolutionReleasedForReuse;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A solution of the association released for reuse (Nachnutzung), as the marketplace knows it from
 * {@code solutions.events}. Written only by {@link OfferingProjection}.
 */
@Entity
@Table(name = "association_offering")
class AssociationOffering extends PanacheEntityBase {

    private static final String SEARCH = """
            select o.* from association_offering o
            where o.status = 'LISTED'
              and (cast(:q as text) is null or o.search_document @@ websearch_to_tsquery('german'::regconfig, cast(:q as text)))
            order by case when cast(:q as text) is null then 0
                          else ts_rank_cd(o.search_document, websearch_to_tsquery('german'::regconfig, cast(:q as text))) end desc,
                     lower(o.name), o.solution_id
            limit :limit offset :offset""";
    private static final String COUNT = """
            select count(*) from association_offering o
            where o.status = 'LISTED'
              and (cast(:q as text) is null or o.search_document @@ websearch_to_tsquery('german'::regconfig, cast(:q as text)))""";

    @Id
    @Column(name = "solution_id")
    UUID solutionId;

    @Column(nullable = false)
    String name;

    @Column(name = "short_description")
    String shortDescription;

    String category;

    @Column(nullable = false)
    String licence;

    @Column(name = "repository_url")
    String repositoryUrl;

    @Column(name = "development_status")
    String developmentStatus;

    @Column(name = "reuse_request_path")
    String reuseRequestPath;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    OfferingStatus status;

    @Column(name = "released_at", nullable = false)
    Instant releasedAt;

    @Column(name = "retired_at")
    Instant retiredAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    /** Lists the released solution, or refreshes it (a release after a retirement lists it again). */
    static AssociationOffering release(SolutionReleasedForReuse released, Instant now) {
        AssociationOffering offering = AssociationOffering.<AssociationOffering>findByIdOptional(released.solutionId())
                .orElseGet(AssociationOffering::new);
        offering.solutionId = released.solutionId();
        offering.name = released.name();
        offering.shortDescription = released.shortDescription();
        offering.category = released.category();
        offering.licence = released.licence();
        offering.repositoryUrl = released.repositoryUrl();
        offering.developmentStatus = released.developmentStatus();
        offering.reuseRequestPath = released.reuseRequestPath();
        offering.status = OfferingStatus.LISTED;
        offering.releasedAt = released.releasedAt();
        offering.retiredAt = null;
        offering.updatedAt = now;
        offering.persist();
        return offering;
    }

    void retire(Instant at, Instant now) {
        status = OfferingStatus.RETIRED;
        retiredAt = at;
        updatedAt = now;
    }

    static Optional<AssociationOffering> listed(UUID solutionId) {
        return AssociationOffering.<AssociationOffering>findByIdOptional(solutionId)
                .filter(o -> o.status == OfferingStatus.LISTED);
    }

    /** Listed offerings matching {@code q} (German full text; {@code null} for all), by relevance, then name. */
    @SuppressWarnings("unchecked")
    static List<AssociationOffering> search(String q, int limit, long offset) {
        return getEntityManager().createNativeQuery(SEARCH, AssociationOffering.class)
                .setParameter("q", q).setParameter("limit", limit).setParameter("offset", offset)
                .getResultList();
    }

    static long countMatching(String q) {
        return ((Number) getEntityManager().createNativeQuery(COUNT).setParameter("q", q).getSingleResult()).longValue();
    }
}
