package de.govtech.marketplace.catalogue;

import de.govtech.platform.support.paging.PageRequest;
import de.govtech.marketplace.listings.ListingContent;
import de.govtech.marketplace.listings.ListingContentJson;
import de.govtech.platform.support.problem.DomainProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the public catalogue: the published revisions of listings in status PUBLISHED, searched with PostgreSQL
 * full-text search (German configuration, {@code websearch_to_tsquery}), ranked with {@code ts_rank_cd}, filtered
 * and counted per facet. Plain JDBC: the queries are PostgreSQL-specific and read JSON inside the revision content.
 */
@ApplicationScoped
public class Catalogue {

    private static final String FROM = """
             from listing l
             join listing_revision r on r.listing_id = l.id and r.revision = l.published_revision
             join vendor v on v.id = l.vendor_id
            """;
    private static final String COLUMNS = "l.id, l.slug, l.vendor_id, v.name as vendor_name, r.content::text as content, "
            + "r.revision, r.decided_at";
    private static final List<String> COMPLIANCE_FLAGS = List.of("hostedInGermany", "bsiC5", "gdprDpaAvailable", "bitvAccessible");

    private final AgroalDataSource dataSource;

    public Catalogue(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public CataloguePage search(CatalogueFilter filter, PageRequest paging) {
        Condition condition = condition(filter);
        String order = switch (filter.text() == null && filter.sort == CatalogueSort.RELEVANCE ? CatalogueSort.NAME : filter.sort) {
            case RELEVANCE -> "ts_rank_cd(r.search_document, q) desc, lower(r.content ->> 'name'), l.id";
            case NAME -> "lower(r.content ->> 'name'), l.id";
            case NEWEST -> "r.decided_at desc, l.id";
        };
        String sql = "select " + COLUMNS + condition.from + " where " + condition.where
                + " order by " + order + " limit ? offset ?";
        try (Connection connection = dataSource.getConnection()) {
            List<CatalogueApp> items = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int next = condition.bind(statement);
                statement.setInt(next, paging.size);
                statement.setLong(next + 1, (long) paging.page * paging.size);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        items.add(app(rows));
                    }
                }
            }
            Facets facets = facets(connection, condition);
            return new CataloguePage(items, paging.page, paging.size, facets.total, facets.counts);
        } catch (SQLException e) {
            throw new IllegalStateException("catalogue query failed", e);
        }
    }

    public CatalogueApp bySlug(String slug) {
        String sql = "select " + COLUMNS + FROM + " where l.status = 'PUBLISHED' and l.slug = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, slug);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw DomainProblemException.notFound("App", slug);
                }
                return app(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("catalogue query failed", e);
        }
    }

    private record Facets(long total, CatalogueFacets counts) {
    }

    /** Total and facet counts over all apps matching the search and filters, in one query. */
    private static Facets facets(Connection connection, Condition condition) throws SQLException {
        StringBuilder sql = new StringBuilder("with matched as (select r.content" + condition.from + " where "
                + condition.where + ")\n")
                .append("select 'total', null, count(*) from matched\n")
                .append("union all select 'category', content ->> 'category', count(*) from matched group by 2\n")
                .append("union all select 'cloudTarget', t, count(*) from matched, jsonb_array_elements_text(content -> 'cloudTargets') t group by 2\n")
                .append("union all select 'priceModel', pm, count(*) from matched, lateral (select distinct p ->> 'priceModel' as pm")
                .append(" from jsonb_array_elements(content -> 'plans') p) x group by 2\n");
        for (String flag : COMPLIANCE_FLAGS) {
            sql.append("union all select 'compliance', '").append(flag)
                    .append("', count(*) filter (where (content -> 'compliance' ->> '").append(flag).append("')::boolean) from matched\n");
        }
        sql.append("union all select 'compliance', 'openSource', count(*) filter (where content -> 'compliance' ->> 'openSourceLicence' is not null) from matched");
        long total = 0;
        Map<String, Long> categories = new LinkedHashMap<>();
        Map<String, Long> cloudTargets = new LinkedHashMap<>();
        Map<String, Long> priceModels = new LinkedHashMap<>();
        Map<String, Long> compliance = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            condition.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String value = rows.getString(2);
                    long count = rows.getLong(3);
                    switch (rows.getString(1)) {
                        case "total" -> total = count;
                        case "category" -> categories.put(value, count);
                        case "cloudTarget" -> cloudTargets.put(value, count);
                        case "priceModel" -> priceModels.put(value, count);
                        default -> compliance.put(value, count);
                    }
                }
            }
        }
        return new Facets(total, new CatalogueFacets(sorted(categories), sorted(cloudTargets), sorted(priceModels), compliance));
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        Map<String, Long> result = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    /** FROM and WHERE of a search with their parameters, in order. */
    private record Condition(String from, String where, List<Object> parameters) {

        int bind(PreparedStatement statement) throws SQLException {
            int i = 1;
            for (Object parameter : parameters) {
                statement.setObject(i++, parameter);
            }
            return i;
        }
    }

    private static Condition condition(CatalogueFilter filter) {
        StringBuilder from = new StringBuilder(FROM);
        StringBuilder where = new StringBuilder("l.status = 'PUBLISHED'");
        List<Object> parameters = new ArrayList<>();
        if (filter.text() != null) {
            from.append(" cross join websearch_to_tsquery('german'::regconfig, ?) q");
            parameters.add(filter.text());
            where.append(" and r.search_document @@ q");
        }
        if (filter.category != null) {
            where.append(" and r.content ->> 'category' = ?");
            parameters.add(filter.category.name());
        }
        if (filter.cloudTarget != null) {
            where.append(" and r.content -> 'cloudTargets' @> jsonb_build_array(?::text)");
            parameters.add(filter.cloudTarget);
        }
        if (filter.priceModel != null) {
            where.append(" and r.content -> 'plans' @> jsonb_build_array(jsonb_build_object('priceModel', ?::text))");
            parameters.add(filter.priceModel.name());
        }
        flag(where, parameters, "hostedInGermany", filter.hostedInGermany);
        flag(where, parameters, "bsiC5", filter.bsiC5);
        flag(where, parameters, "gdprDpaAvailable", filter.gdprDpaAvailable);
        flag(where, parameters, "bitvAccessible", filter.bitvAccessible);
        if (filter.openSource != null) {
            where.append(" and r.content -> 'compliance' ->> 'openSourceLicence' is ")
                    .append(filter.openSource ? "not null" : "null");
        }
        return new Condition(from.toString(), where.toString(), parameters);
    }

    private static void flag(StringBuilder where, List<Object> parameters, String name, Boolean value) {
        if (value != null) {
            // name is one of our constants, never client input
            where.append(" and coalesce((r.content -> 'compliance' ->> '").append(name).append("')::boolean, false) = ?");
            parameters.add(value);
        }
    }

    private static CatalogueApp app(ResultSet rows) throws SQLException {
        ListingContent content = ListingContentJson.read(rows.getString("content"));
        return CatalogueApp.of(rows.getObject("id", UUID.class), rows.getString("slug"),
                rows.getObject("vendor_id", UUID.class), rows.getString("vendor_name"), content,
                rows.getInt("revision"), rows.getTimestamp("decided_at").toInstant());
    }
}
