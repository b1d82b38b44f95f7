package de.govtech.marketplace.catalogue;

import de.govtech.platform.support.paging.PageRequest;
import de.govtech.marketplace.listings.ListingContent;
import de.govtech.marketplace.listings.ListingContentJson;
import de.govtech.platform.support.problem.DomainProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Reads the public catalogue: the published revisions of listings in status PUBLISHED, searched with PostgreSQL
 * full-text search (German configuration, {@code websearch_to_tsquery}), ranked with {@code ts_rank_cd}, filtered
 * and counted per facet, in one statement (see {@link CatalogueQuery}). Plain JDBC: the queries are
 * PostgreSQL-specific. Search, filters, facets and order use the small catalogue columns of the revision; the JSON
 * content is read for the page only. Pages already answered are kept while the catalogue's version stands
 * ({@link CataloguePageCache}).
 */
@ApplicationScoped
public class Catalogue {

    private static final String BY_SLUG = """
            select l.id, l.slug, l.vendor_id, v.name as vendor_name, r.content::text as content, r.revision, r.decided_at
            from listing l
            join listing_revision r on r.listing_id = l.id and r.revision = l.published_revision
            join vendor v on v.id = l.vendor_id
            where l.status = 'PUBLISHED' and l.slug = ?""";

    private static final String VERSION = "select version from catalogue_version";

    private final AgroalDataSource dataSource;
    private final CataloguePageCache pages;

    public Catalogue(AgroalDataSource dataSource, CatalogueConfig config) {
        this.dataSource = dataSource;
        this.pages = new CataloguePageCache(config.pageCacheBytes());
    }

    /**
     * One page of a search with the total and the facets. The catalogue's version is read first: a page kept for that
     * version is answered again; otherwise the search runs and its page is kept under that version.
     */
    public CataloguePage search(CatalogueFilter filter, PageRequest paging) {
        CatalogueQuery query = CatalogueQuery.of(filter);
        Object key = query.key(paging.page, paging.size);
        try (Connection connection = dataSource.getConnection()) {
            long version = version(connection);
            CataloguePage kept = pages.get(version, key);
            if (kept != null) {
                return kept;
            }
            CataloguePage page = search(connection, query, paging);
            pages.put(version, key, page);
            return page;
        } catch (SQLException e) {
            throw new IllegalStateException("catalogue query failed", e);
        }
    }

    private static long version(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(VERSION);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static CataloguePage search(Connection connection, CatalogueQuery query, PageRequest paging)
            throws SQLException {
        CatalogueApp[] items = new CatalogueApp[paging.size];
        int found = 0;
        FacetTally tally = new FacetTally();
        try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
            int next = query.bind(statement);
            statement.setInt(next, paging.size);
            statement.setLong(next + 1, (long) paging.page * paging.size);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    int position = rows.getInt("pos");
                    if (rows.wasNull()) {
                        tally.add(rows.getString("category"), texts(rows.getArray("cloud_targets")),
                                texts(rows.getArray("price_models")), rows.getLong("apps"),
                                rows.getLong("hosted_in_germany"), rows.getLong("bsi_c5"),
                                rows.getLong("gdpr_dpa_available"), rows.getLong("bitv_accessible"),
                                rows.getLong("open_source"));
                    } else {
                        items[position - 1] = app(rows);
                        found++;
                    }
                }
            }
        }
        return new CataloguePage(List.of(Arrays.copyOf(items, found)), paging.page, paging.size, tally.total(),
                tally.facets());
    }

    public CatalogueApp bySlug(String slug) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(BY_SLUG)) {
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

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static CatalogueApp app(ResultSet rows) throws SQLException {
        ListingContent content = ListingContentJson.read(rows.getString("content"));
        return CatalogueApp.of(rows.getObject("id", UUID.class), rows.getString("slug"),
                rows.getObject("vendor_id", UUID.class), rows.getString("vendor_name"), content,
                rows.getInt("revision"), rows.getTimestamp("decided_at").toInstant());
    }
}
