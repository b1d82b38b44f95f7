package de.govtech.marketplace.catalogue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one catalogue search (plain, no Quarkus): one statement answers the page and the facets. It reads only
 * narrow rows to find, order and count the matches — the published revisions (status PUBLISHED, one per listing)
 * whose listing is not delisted; the JSON content, the listing and the vendor are read for the rows of the page only.
 *
 * <p>The statement returns two kinds of rows: the page's apps ({@code pos} 1…size, in order) and the facet groups
 * ({@code pos} null: one row per combination of facet values, with its counts, which {@link FacetTally} adds up).
 * Without a search text the page can also be read alone ({@link #pageSql()}), with one row of the catalogue version
 * instead of the facet groups, which then come from {@link CatalogueGroups}: grouping every match is the most
 * expensive part of a search whose page is an index range.
 *
 * <p>The matches come from {@code catalogue_entry} (V13: one narrow row per shown app — the published revision of each
 * listing in status PUBLISHED — kept by triggers with the listing and its revisions). The facets count them per facet
 * combination id (one small integer per match instead of grouping by arrays), joined with the few combinations' values.
 *
 * <p>With a search text in name or newest order the matches are computed once ({@code materialized}): one GIN lookup
 * and one visit of the matching narrow rows; the page is a top-N sort of that result. In relevance order a query of one
 * lexeme (what one word gives) reads its matches with their ranks from {@code catalogue_word} (V16: ts_rank_cd of each
 * entry's document for each of its lexemes, stored when the entry is written): the page is a range of the word's index
 * in relevance order read up to the page's end, the facets the word's apps per facet combination as counted when its
 * entries were written ({@code catalogue_word_facet}, V18: a few dozen rows), filters checked on the facet
 * combinations, and nothing is ranked or counted at request time. Any other query ranks every match here
 * (ts_rank_cd), once.
 *
 * <p>Without one they are inlined twice, so the page is an index-only range of an order index of {@code catalogue_entry}
 * (V15) read only up to the page's end — name order {@code catalogue_entry_name_order_idx}, newest
 * {@code catalogue_entry_newest_order_idx}; filters keep the entries whose facet combination is among those passing,
 * an integer the order indexes carry — and the facets, when they are not taken from {@link CatalogueGroups}, an
 * index-only scan of the name order index. No row of another status is in the table, so no filter on the listing's
 * status interrupts the walk (it read {@code listing_revision} before, checking each entry against the listings not
 * PUBLISHED).
 */
final class CatalogueQuery {

    // without a text: the narrow rows of the shown apps, inlined (index-only ranges of their order indexes, V15, which
    // carry each entry's facet combination: filters are checked on the index entries by the combinations' ids)
    private static final String MATCHES = """
            with m as not materialized (
             select r.revision_id as id, r.listing_id, r.name_key, r.decided_at, r.combination
             from catalogue_entry r
             where true%s),
            """;

    // with a text in name or newest order: the narrow rows of the shown apps (V13's catalogue_entry), each with its
    // facet combination's id (no rank)
    private static final String TEXT_MATCHES = """
            with m as materialized (
             select r.revision_id as id, r.listing_id, r.name_key, r.decided_at, r.combination
             from catalogue_entry r cross join websearch_to_tsquery('german'::regconfig, ?) q
             where r.search_document @@ q%s),
            """;

    // with a text in relevance order: a query of one lexeme takes its matches and their ranks from catalogue_word (V16:
    // the rank stored when the entry was written, its matches an index range in relevance order), any other ranks its
    // matches here. The conditions on the query are one-time filters, so only one of the two branches runs. Every
    // filter is a column of the entry's facet combination, which has the entry's column names, so the word's entries
    // and counts are filtered by the ids of the combinations that pass (a few dozen rows, computed once): the word's
    // index range, which carries each entry's combination, is then still read in relevance order and only up to the
    // page's end, and the counts are read by the word and those ids (a join with the combinations was estimated at
    // one row for a generic plan and read and sorted the word's whole range instead).
    private static final String RANKED_MATCHES = """
            with q as materialized (select websearch_to_tsquery('german'::regconfig, ?) as q),
            w as not materialized (
             select w.revision_id as id, w.listing_id, w.name_key, w.rank, w.combination
             from catalogue_word w
             where numnode((select q from q)) = 1 and w.word = (select q from q)%s),
            t as materialized (
             select r.revision_id as id, r.listing_id, r.name_key, ts_rank_cd(r.search_document, (select q from q)) as rank,
                    r.combination
             from catalogue_entry r
             where numnode((select q from q)) <> 1 and r.search_document @@ (select q from q)%s),
            m as not materialized (select * from w union all select * from t),
            wf as not materialized (
             select f.combination, f.apps
             from catalogue_word_facet f
             where numnode((select q from q)) = 1 and f.word = (select q from q)%s),
            """;

    // the ranked matches up to the page's end: of the word's index range only that many entries are read
    private static final String RANKED_PAGE_SOURCE = """
            (select * from (select * from w order by rank desc, name_key, listing_id limit ?) w union all select * from t) m""";

    // the page's ids in order (positions counted over the page's rows only), then their content, listing and vendor
    private static final String PAGE = """
            page as (select o.id, row_number() over (order by %1$s) as pos
                     from (select m.id%2$s from %3$s order by %1$s limit ? offset ?) o)
            select p.pos, l.id, l.slug, l.vendor_id, v.name as vendor_name, r.content::text as content, r.revision,
                   r.decided_at, r.xmin::text::bigint as row_version, null as category, null::text[] as cloud_targets,
                   null::text[] as price_models, null::bigint as apps, null::bigint as hosted_in_germany,
                   null::bigint as bsi_c5, null::bigint as gdpr_dpa_available, null::bigint as bitv_accessible,
                   null::bigint as open_source, null::bigint as version
            from page p
            join listing_revision r on r.id = p.id
            join listing l on l.id = r.listing_id
            join vendor v on v.id = l.vendor_id
            union all
            """;

    // the facets: the matches counted per facet combination, with the combination's values
    private static final String FACETS = """
            select null, null, null, null, null, null, null, null, null, c.category, c.cloud_targets, c.price_models,
                   g.apps, case when c.hosted_in_germany then g.apps else 0 end,
                   case when c.bsi_c5 then g.apps else 0 end, case when c.gdpr_dpa_available then g.apps else 0 end,
                   case when c.bitv_accessible then g.apps else 0 end, case when c.open_source then g.apps else 0 end,
                   null
            from (%s) g
            join catalogue_facet_combination c on c.id = g.combination""";

    // the matches counted per facet combination
    private static final String COUNTED = "select m.combination, count(*) as apps from m group by m.combination";

    // in relevance order: a query of one lexeme takes its apps per facet combination as counted when its entries were
    // written (V18: a few dozen rows instead of a pass over every match), any other query counts its ranked matches
    private static final String COUNTED_AHEAD =
            "select * from wf union all select t.combination, count(*) from t group by t.combination";

    // instead of the facets: the catalogue version the page was read at (the same snapshot), always one row
    private static final String VERSION = """
            select null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                   null, c.version
            from catalogue_version c""";

    /**
     * Every published app counted per combination of the values a search without a text filters on, with the
     * catalogue version of the same snapshot (one row with null values when the catalogue is empty).
     */
    static final String GROUPS = """
            select c.version, g.category, g.cloud_targets, g.price_models, g.hosted_in_germany, g.bsi_c5,
                   g.gdpr_dpa_available, g.bitv_accessible, g.open_source, g.apps
            from catalogue_version c
            left join (select r.category, r.cloud_targets, r.price_models, r.hosted_in_germany, r.bsi_c5,
                              r.gdpr_dpa_available, r.bitv_accessible, r.open_source, count(*) as apps
                       from listing_revision r
                       where r.status = 'PUBLISHED'
                         and r.listing_id not in (select l.id from listing l where l.status <> 'PUBLISHED')
                       group by r.category, r.cloud_targets, r.price_models, r.hosted_in_germany, r.bsi_c5,
                                r.gdpr_dpa_available, r.bitv_accessible, r.open_source) g on true""";

    private final String sql;
    private final String pageSql;
    private final List<Object> parameters;
    private final boolean storedRanks;
    private final String search;

    private CatalogueQuery(String sql, String pageSql, List<Object> parameters, boolean storedRanks, String search) {
        this.sql = sql;
        this.pageSql = pageSql;
        this.parameters = parameters;
        this.storedRanks = storedRanks;
        this.search = search;
    }

    static CatalogueQuery of(CatalogueFilter filter) {
        List<Object> parameters = new ArrayList<>();
        String text = filter.text();
        StringBuilder where = new StringBuilder();
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
        CatalogueSort sort = text == null && filter.sort == CatalogueSort.RELEVANCE ? CatalogueSort.NAME : filter.sort;
        boolean storedRanks = text != null && sort == CatalogueSort.RELEVANCE;
        String matches;
        if (text == null) {
            matches = MATCHES.formatted(combinationIn("r", where));
        } else if (storedRanks) {
            matches = RANKED_MATCHES.formatted(combinationIn("w", where), where, combinationIn("f", where));
            // the word's entries, the ranked matches and the word's counts each bind the filters
            List<Object> filters = List.copyOf(parameters);
            parameters.addAll(filters);
            parameters.addAll(filters);
        } else {
            matches = TEXT_MATCHES.formatted(where);
        }
        if (text != null) {
            parameters.add(0, text);
        }
        String page = matches + switch (sort) {
            case RELEVANCE -> PAGE.formatted("rank desc, name_key, listing_id", ", m.rank, m.name_key, m.listing_id",
                    storedRanks ? RANKED_PAGE_SOURCE : "m");
            case NAME -> PAGE.formatted("name_key, listing_id", ", m.name_key, m.listing_id", "m");
            case NEWEST -> PAGE.formatted("decided_at desc, listing_id", ", m.decided_at, m.listing_id", "m");
        };
        String facets = FACETS.formatted(storedRanks ? COUNTED_AHEAD : COUNTED);
        return new CatalogueQuery(page + facets, text == null ? page + VERSION : null, parameters,
                storedRanks, canonical(text, filter, sort));
    }

    /**
     * The search in one canonical form: every restriction that is set, in a fixed order, with the order actually
     * used, as {@code name=value} pairs joined by {@code &} (values percent-encoded). Two filters give the same form
     * exactly when they give the same statement with the same parameters.
     */
    private static String canonical(String text, CatalogueFilter filter, CatalogueSort sort) {
        StringBuilder form = new StringBuilder();
        pair(form, "q", text);
        pair(form, "category", filter.category == null ? null : filter.category.name());
        pair(form, "cloudTarget", filter.cloudTarget);
        pair(form, "priceModel", filter.priceModel == null ? null : filter.priceModel.name());
        pair(form, "hostedInGermany", filter.hostedInGermany);
        pair(form, "bsiC5", filter.bsiC5);
        pair(form, "gdprDpaAvailable", filter.gdprDpaAvailable);
        pair(form, "bitvAccessible", filter.bitvAccessible);
        pair(form, "openSource", filter.openSource);
        pair(form, "sort", sort.name());
        return form.toString();
    }

    private static void pair(StringBuilder form, String name, Object value) {
        if (value != null) {
            form.append(form.isEmpty() ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
    }

    /** The statement of the page and its facets (see {@link #bind}). */
    String sql() {
        return sql;
    }

    /**
     * Without a search text: the statement of the page alone, with a row for the catalogue version it read (the
     * facets then come from {@link CatalogueGroups} of that version); null with a text. Binds as {@link #sql()}.
     */
    String pageSql() {
        return pageSql;
    }

    /**
     * What identifies the answer to this search for one page: equal keys, equal answers at one catalogue version. The
     * canonical form of the search with the page and size, the same text in every JVM (see {@link CatalogueETag}).
     */
    String key(int page, int size) {
        return search + "&page=" + page + "&size=" + size;
    }

    /** Binds the filter's parameters, then the page's (its size and offset). */
    void bind(PreparedStatement statement, int size, long offset) throws SQLException {
        int i = 1;
        for (Object parameter : parameters) {
            statement.setObject(i++, parameter);
        }
        if (storedRanks) {
            // the end of the page in the word's index range
            statement.setLong(i++, offset + size);
        }
        statement.setInt(i++, size);
        statement.setLong(i, offset);
    }

    // the row's facet combination is one of those passing the filters (none: no condition); the subquery names the
    // combination "r" on purpose, shadowing an outer "r": the filters are written against the combination's columns
    private static String combinationIn(String alias, CharSequence where) {
        return where.isEmpty() ? "" : " and " + alias
                + ".combination = any (array(select r.id from catalogue_facet_combination r where true" + where + "))";
    }

    private static void flag(StringBuilder where, List<Object> parameters, String column, Boolean value) {
        if (value != null) {
            // column is one of our constants, never client input
            where.append(" and r.").append(column).append(" = ?");
            parameters.add(value);
        }
    }
}
