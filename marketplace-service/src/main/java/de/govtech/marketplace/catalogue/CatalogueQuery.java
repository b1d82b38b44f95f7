package de.govtech.marketplace.catalogue;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one catalogue search (plain, no Quarkus). It reads only the small catalogue columns of
 * {@code listing_revision} (V6): the published revisions (status PUBLISHED, one per listing) whose listing is not
 * delisted; the JSON content is read only for the rows of the page shown.
 *
 * <p>"Published revision of a listing in status PUBLISHED" is expressed as "revision PUBLISHED, and its listing is
 * not in another status" (an anti-join against the few listings not PUBLISHED) rather than as a join with every
 * listing: publishing marks the previously published revision SUPERSEDED, so a PUBLISHED revision is always its
 * listing's {@code published_revision}, and the anti-join keeps the facet count a scan of one narrow index.
 */
final class CatalogueQuery {

    private static final String MATCHES = """
             from listing_revision r%s
             where r.status = 'PUBLISHED'
               and not exists (select 1 from listing l where l.id = r.listing_id and l.status <> 'PUBLISHED')""";

    private final String from;
    private final String order;
    private final List<Object> parameters;

    private CatalogueQuery(String from, String order, List<Object> parameters) {
        this.from = from;
        this.order = order;
        this.parameters = parameters;
    }

    static CatalogueQuery of(CatalogueFilter filter) {
        List<Object> parameters = new ArrayList<>();
        String text = filter.text();
        StringBuilder where = new StringBuilder();
        if (text != null) {
            parameters.add(text);
            where.append(" and r.search_document @@ q");
        }
        if (filter.category != null) {
            where.append(" and r.category = ?");
            parameters.add(filter.category.name());
        }
        if (filter.cloudTarget != null) {
            where.append(" and r.cloud_targets @> array[?::text]");
            parameters.add(filter.cloudTarget);
        }
        if (filter.priceModel != null) {
            where.append(" and r.price_models @> array[?::text]");
            parameters.add(filter.priceModel.name());
        }
        flag(where, parameters, "hosted_in_germany", filter.hostedInGermany);
        flag(where, parameters, "bsi_c5", filter.bsiC5);
        flag(where, parameters, "gdpr_dpa_available", filter.gdprDpaAvailable);
        flag(where, parameters, "bitv_accessible", filter.bitvAccessible);
        flag(where, parameters, "open_source", filter.openSource);
        String from = MATCHES.formatted(text == null ? "" : " cross join websearch_to_tsquery('german'::regconfig, ?) q")
                + where;
        CatalogueSort sort = text == null && filter.sort == CatalogueSort.RELEVANCE ? CatalogueSort.NAME : filter.sort;
        String order = switch (sort) {
            case RELEVANCE -> "ts_rank_cd(r.search_document, q) desc, r.name_key, r.listing_id";
            case NAME -> "r.name_key, r.listing_id";
            case NEWEST -> "r.decided_at desc, r.listing_id";
        };
        return new CatalogueQuery(from, order, parameters);
    }

    /**
     * One page of apps in order: the page's revision ids are picked from the catalogue columns (an index scan for
     * NAME and NEWEST), only then are the content, the listing and the vendor of those rows read. Binds the
     * filter, then limit and offset.
     */
    String pageSql() {
        return "with page as (select r.id, row_number() over (order by " + order + ") as pos\n" + from
                + "\n order by " + order + " limit ? offset ?)\n"
                + """
                select l.id, l.slug, l.vendor_id, v.name as vendor_name, r.content::text as content, r.revision, r.decided_at
                from page p
                join listing_revision r on r.id = p.id
                join listing l on l.id = r.listing_id
                join vendor v on v.id = l.vendor_id
                order by p.pos""";
    }

    /**
     * The matches grouped by their facet values, one scan: few groups (category × cloud targets × price models),
     * each with its count and its count per compliance flag; {@link FacetTally} adds them up per facet value.
     */
    String facetSql() {
        return "select r.category, r.cloud_targets, r.price_models, count(*) as apps,"
                + " count(*) filter (where r.hosted_in_germany) as hosted_in_germany,"
                + " count(*) filter (where r.bsi_c5) as bsi_c5,"
                + " count(*) filter (where r.gdpr_dpa_available) as gdpr_dpa_available,"
                + " count(*) filter (where r.bitv_accessible) as bitv_accessible,"
                + " count(*) filter (where r.open_source) as open_source\n"
                + from + "\n group by r.category, r.cloud_targets, r.price_models";
    }

    /** Binds the filter's parameters; returns the index of the next parameter. */
    int bind(PreparedStatement statement) throws SQLException {
        int i = 1;
        for (Object parameter : parameters) {
            statement.setObject(i++, parameter);
        }
        return i;
    }

    private static void flag(StringBuilder where, List<Object> parameters, String column, Boolean value) {
        if (value != null) {
            // column is one of our constants, never client input
            where.append(" and r.").append(column).append(" = ?");
            parameters.add(value);
        }
    }
}
