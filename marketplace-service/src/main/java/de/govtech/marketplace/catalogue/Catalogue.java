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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads the public catalogue: the published revisions of listings in status PUBLISHED, searched with PostgreSQL
 * full-text search (German configuration, {@code websearch_to_tsquery}), ranked with {@code ts_rank_cd}, filtered
 * and counted per facet, in one statement (see {@link CatalogueQuery}). Plain JDBC: the queries are
 * PostgreSQL-specific. Search, filters, facets and order use the small catalogue columns of the revision; the JSON
 * content is read for the page only, and not even then for an app kept from an earlier answer with its rows unchanged
 * ({@link CatalogueCards}). Pages already answered are kept while the catalogue's version stands
 * ({@link CataloguePageCache}). A search without a text takes its total and facets from the counts per facet
 * combination of the catalogue version its page was read at ({@link CatalogueGroups}), read once per version.
 */
@ApplicationScoped
public class Catalogue {

    private static final String BY_SLUG = """
            select l.id, l.slug, l.vendor_id, v.name as vendor_name, r.content::text as content, r.revision,
                   r.decided_at, r.xmin::text::bigint as row_version
            from listing l
            join listing_revision r on r.listing_id = l.id and r.revision = l.published_revision
            join vendor v on v.id = l.vendor_id
            where l.status = 'PUBLISHED' and l.slug = ?""";

    private static final String VERSION = "select version from catalogue_version";

    private final AgroalDataSource dataSource;
    private final CataloguePageCache pages;
    private final CatalogueCards cards;
    // the facet groups of the latest catalogue version read: one small list, replaced when the version moves
    private final AtomicReference<CatalogueGroups> groups = new AtomicReference<>();

    public Catalogue(AgroalDataSource dataSource, CatalogueConfig config, CatalogueCards cards) {
        this.dataSource = dataSource;
        this.pages = new CataloguePageCache(config.pageCacheBytes());
        this.cards = cards;
    }

    /**
     * One page of a search with the total and the facets, and its entity tag. The catalogue's version is read first:
     * when {@code ifNoneMatch} names the tag of this search at that version, nothing more is read and the answer has
     * no page (not modified); a page kept for that version is answered again; otherwise the search runs and its page
     * is kept under that version.
     */
    public Answer search(CatalogueFilter filter, PageRequest paging, String ifNoneMatch) {
        CatalogueQuery query = CatalogueQuery.of(filter);
        String key = query.key(paging.page, paging.size);
        try (Connection connection = dataSource.getConnection()) {
            long version = version(connection);
            String etag = CatalogueETag.of(version, key);
            if (CatalogueETag.matches(ifNoneMatch, etag)) {
                return new Answer(etag, null);
            }
            CataloguePage kept = pages.get(version, key);
            if (kept != null) {
                return new Answer(etag, kept);
            }
            CataloguePage page = query.pageSql() != null ? searchWithoutText(connection, query, filter, paging) : null;
            if (page == null) {
                page = search(connection, query, paging);
            }
            pages.put(version, key, page);
            return new Answer(etag, page);
        } catch (SQLException e) {
            throw new IllegalStateException("catalogue query failed", e);
        }
    }

    /** A search's answer: its weak entity tag, and its page — null when the client's copy is still current. */
    public record Answer(String etag, CataloguePage page) {
    }

    private static long version(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(VERSION);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private CataloguePage search(Connection connection, CatalogueQuery query, PageRequest paging) throws SQLException {
        FacetTally tally = new FacetTally();
        Rows rows = read(connection, query.sql(), query, paging, tally);
        return new CataloguePage(rows.items(), paging.page, paging.size, tally.total(), tally.facets());
    }

    /**
     * A search without a text: the page alone, and its total and facets from the groups of the catalogue version
     * the page was read at — kept from an earlier search of that version, or read now. Null if the catalogue changed
     * between the page and the groups (then the page and its facets are read in one statement).
     */
    private CataloguePage searchWithoutText(Connection connection, CatalogueQuery query, CatalogueFilter filter,
                                            PageRequest paging) throws SQLException {
        Rows rows = read(connection, query.pageSql(), query, paging, null);
        CatalogueGroups known = groups.get();
        if (known == null || known.version() != rows.version()) {
            known = groups(connection);
            keep(known);
            if (known.version() != rows.version()) {
                return null;
            }
        }
        FacetTally tally = known.tally(filter);
        return new CataloguePage(rows.items(), paging.page, paging.size, tally.total(), tally.facets());
    }

    private record Rows(List<CatalogueApp> items, long version) {
    }

    /** The page's apps, and either the facet groups into {@code tally} or the row of the catalogue version. */
    private Rows read(Connection connection, String sql, CatalogueQuery query, PageRequest paging, FacetTally tally)
            throws SQLException {
        CatalogueApp[] items = new CatalogueApp[paging.size];
        int found = 0;
        long version = -1;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            query.bind(statement, paging.size, (long) paging.page * paging.size);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    int position = rows.getInt("pos");
                    if (!rows.wasNull()) {
                        items[position - 1] = app(rows);
                        found++;
                    } else if (tally == null) {
                        version = rows.getLong("version");
                    } else {
                        tally.add(rows.getString("category"), texts(rows.getArray("cloud_targets")),
                                texts(rows.getArray("price_models")), rows.getLong("apps"),
                                rows.getLong("hosted_in_germany"), rows.getLong("bsi_c5"),
                                rows.getLong("gdpr_dpa_available"), rows.getLong("bitv_accessible"),
                                rows.getLong("open_source"));
                    }
                }
            }
        }
        return new Rows(List.of(Arrays.copyOf(items, found)), version);
    }

    private static CatalogueGroups groups(Connection connection) throws SQLException {
        List<CatalogueGroups.Group> groups = new ArrayList<>();
        long version = -1;
        try (PreparedStatement statement = connection.prepareStatement(CatalogueQuery.GROUPS);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                version = rows.getLong("version");
                long apps = rows.getLong("apps");
                if (!rows.wasNull()) {
                    groups.add(new CatalogueGroups.Group(rows.getString("category"),
                            texts(rows.getArray("cloud_targets")), texts(rows.getArray("price_models")),
                            rows.getBoolean("hosted_in_germany"), rows.getBoolean("bsi_c5"),
                            rows.getBoolean("gdpr_dpa_available"), rows.getBoolean("bitv_accessible"),
                            rows.getBoolean("open_source"), apps));
                }
            }
        }
        return new CatalogueGroups(version, groups);
    }

    /** Keeps the groups unless those of a later version are kept already. */
    private void keep(CatalogueGroups read) {
        groups.accumulateAndGet(read, (kept, fresh) -> kept == null || fresh.version() > kept.version() ? fresh : kept);
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

    /** The row's app: the one kept for the same rows, else read from its content (then kept). */
    private CatalogueApp app(ResultSet rows) throws SQLException {
        CatalogueCards.Source source = new CatalogueCards.Source(rows.getObject("id", UUID.class),
                rows.getInt("revision"), rows.getLong("row_version"), rows.getString("slug"),
                rows.getObject("vendor_id", UUID.class), rows.getString("vendor_name"));
        CatalogueApp app = cards.app(source);
        if (app == null) {
            ListingContent content = ListingContentJson.read(rows.getString("content"));
            app = CatalogueApp.of(source.listingId(), source.slug(), source.vendorId(), source.vendorName(), content,
                    source.revision(), rows.getTimestamp("decided_at").toInstant());
            cards.keep(source, app);
        }
        return app;
    }
}
