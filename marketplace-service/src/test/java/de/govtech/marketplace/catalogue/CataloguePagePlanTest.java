package de.govtech.marketplace.catalogue;

import de.govtech.marketplace.listings.ListingCategory;
import de.govtech.marketplace.testdata.CatalogueSeeds;
import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page without a search text is an index-only range of an order index of {@code catalogue_entry} (V15), read in
 * order up to the page's end — no sort, no check of each entry against the listings' status; a one-word search in
 * relevance order is a range of {@code catalogue_word}'s index (V16), without ranking, its facets the word's counts
 * (V18). The order and the counts themselves are {@link CatalogueOrderTest}'s; this is how the statement reads them.
 * The test database holds a few apps, for which PostgreSQL would rather read the table and sort, so the plans are
 * taken with sequential scans and sorts priced out: what is asserted is that the statement can walk such an index,
 * and does.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class CataloguePagePlanTest {

    @Inject
    AgroalDataSource dataSource;

    /**
     * An app the plans' searches find (the plans of an empty catalogue execute nothing), then what seeding's vacuum does
     * for the benchmark: an index-only scan needs the table's visibility map.
     */
    @BeforeEach
    void seedAndVacuum() throws SQLException {
        CatalogueSeeds.vendor("9d4f2d85-3f41-4d6c-8a84-00000000000e", "Planwerk").app("plan-deichschau",
                "Deichschau Pegelstand").bsiC5(true).seed();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("vacuum analyze catalogue_entry");
            statement.execute("vacuum analyze catalogue_word");
        }
    }

    @Test
    void theNameOrderIsARangeOfANameIndex() throws SQLException {
        // on 10,000 apps the narrow name_order_idx; on the test's few, either name index's one page may be taken
        assertPageWalks(new CatalogueFilter(), "catalogue_entry_name_");
    }

    @Test
    void theNewestOrderIsARangeOfTheNewestIndex() throws SQLException {
        CatalogueFilter newest = new CatalogueFilter();
        newest.sort = CatalogueSort.NEWEST;
        assertPageWalks(newest, "catalogue_entry_newest_order_idx");
    }

    /**
     * Filters are checked on the order index's entries by their facet combination (the ids of the combinations that
     * pass), so a filtered page is the same index-only range as an unfiltered one, in either order.
     */
    @Test
    void aFilteredPageIsARangeOfTheOrderIndexCheckedByCombination() throws SQLException {
        CatalogueFilter byName = new CatalogueFilter();
        byName.category = ListingCategory.SECURITY;
        byName.hostedInGermany = true;
        byName.cloudTarget = "stackit:eu01";
        CatalogueFilter newest = new CatalogueFilter();
        newest.category = ListingCategory.SECURITY;
        newest.sort = CatalogueSort.NEWEST;
        for (var walk : List.of(Map.entry(byName, "catalogue_entry_name_order_idx"),
                Map.entry(newest, "catalogue_entry_newest_order_idx"))) {
            String plan = assertPageWalks(walk.getKey(), walk.getValue());
            assertTrue(details(plan, walk.getValue()).contains("Filter: (combination = ANY "), plan);
        }
    }

    /**
     * A one-word search in relevance order reads the word's stored ranks (V16): the word's index in relevance order is
     * read and nothing is ranked — the branch that ranks every match (the text index) is never executed.
     */
    @Test
    void aOneWordSearchReadsTheStoredRanksAndRanksNothing() throws SQLException {
        assertReadsTheStoredRanks(search("Deichschau"), true);
    }

    /**
     * The facets of a one-word search are the word's counts per facet combination (V18), read from their own table:
     * the word's entries are read once, for the page, and not a second time to be counted.
     */
    @Test
    void aOneWordSearchTakesItsFacetsFromTheWordsCounts() throws SQLException {
        CatalogueFilter filtered = search("Deichschau");
        filtered.bsiC5 = true;
        for (CatalogueFilter filter : List.of(search("Deichschau"), filtered)) {
            CatalogueQuery query = CatalogueQuery.of(filter);
            String plan = plan(query.sql(), query);
            assertTrue(executed(plan, "catalogue_word_facet_pkey"), plan);
            assertEquals(1, plan.lines().filter(line -> line.contains(" catalogue_word_relevance_idx")).count(), plan);
        }
    }

    /** With filters the word's entries are checked on their facet combinations: still no ranking, no entry read. */
    @Test
    void aOneWordSearchWithFiltersReadsTheStoredRanks() throws SQLException {
        CatalogueFilter filtered = search("Deichschau");
        filtered.bsiC5 = true;
        filtered.cloudTarget = "stackit:eu01";
        assertReadsTheStoredRanks(filtered, true);
    }

    /**
     * With filters the word's entries are filtered on the scan of its index by the ids of the combinations that pass,
     * so the range is still read in relevance order up to the page's end, and its counts are read by word and those
     * ids: no join of the word's entries with the combinations (planned, generically, as one row and then read for
     * the word's whole range, and sorted).
     */
    @Test
    void aOneWordSearchWithFiltersReadsTheWordsRangeOnlyToThePagesEnd() throws SQLException {
        CatalogueFilter filtered = search("Deichschau");
        filtered.bsiC5 = true;
        filtered.cloudTarget = "stackit:eu01";
        CatalogueQuery query = CatalogueQuery.of(filtered);
        String plan = plan(query.sql(), query);
        assertTrue(details(plan, "catalogue_word_relevance_idx").contains("Filter: (combination = ANY "), plan);
        assertTrue(details(plan, "catalogue_word_facet_pkey").contains("AND (combination = ANY "), plan);
    }

    /** Two words are ranked over their matches (ts_rank_cd); the stored ranks are never read. */
    @Test
    void aSearchOfTwoWordsRanksItsMatches() throws SQLException {
        assertReadsTheStoredRanks(search("Deichschau Pegelstand"), false);
    }

    /**
     * listing_revision keeps only the indexes a statement reads (V17): by id, by listing and revision, and the covering
     * name index of the counts per facet combination ({@link CatalogueGroups}); every search reads catalogue_entry and
     * catalogue_word, so the catalogue indexes it had before would only cost each write.
     */
    @Test
    void listingRevisionKeepsOnlyTheIndexesAStatementReads() throws SQLException {
        List<String> indexes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select indexname from pg_indexes where tablename = 'listing_revision' order by indexname")) {
            while (rows.next()) {
                indexes.add(rows.getString(1));
            }
        }
        assertEquals(List.of("listing_revision_listing_id_revision_key", "listing_revision_pkey",
                "listing_revision_published_name_idx"), indexes);
        String plan = plan(CatalogueQuery.GROUPS, null);
        assertTrue(plan.contains("listing_revision_published_name_idx"), plan);
    }

    private static CatalogueFilter search(String q) {
        CatalogueFilter filter = new CatalogueFilter();
        filter.q = q;
        return filter;
    }

    /** The search's statement reads the word index and never the text index, or (not {@code stored}) the other way. */
    private void assertReadsTheStoredRanks(CatalogueFilter filter, boolean stored) throws SQLException {
        CatalogueQuery query = CatalogueQuery.of(filter);
        String plan = plan(query.sql(), query);
        assertEquals(stored, executed(plan, "catalogue_word_relevance_idx"), plan);
        assertEquals(!stored, executed(plan, "catalogue_entry_search_idx"), plan);
    }

    /** The lines that describe the plan's first node reading {@code index} (its conditions, filters, counters). */
    private static String details(String plan, String index) {
        List<String> lines = plan.lines().toList();
        StringBuilder details = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(" " + index)) {
                for (int j = i + 1; j < lines.size() && !lines.get(j).contains("->"); j++) {
                    details.append(lines.get(j).strip()).append('\n');
                }
                break;
            }
        }
        return details.toString();
    }

    /** Whether a node of the executed plan that reads {@code index} ran. */
    private static boolean executed(String plan, String index) {
        List<String> nodes = plan.lines().filter(line -> line.contains(" " + index)).toList();
        assertFalse(nodes.isEmpty(), index + " is in the plan:\n" + plan);
        return nodes.stream().anyMatch(line -> !line.contains("(never executed)"));
    }

    private String assertPageWalks(CatalogueFilter filter, String index) throws SQLException {
        String plan = plan(CatalogueQuery.of(filter).pageSql(), CatalogueQuery.of(filter));
        assertTrue(plan.contains("Index Only Scan using " + index), plan);
        assertFalse(plan.contains("Sort"), plan);
        return plan;
    }

    /** The plan of a statement, executed, bound as the catalogue binds the query (page 3 of 20), if one is given. */
    private String plan(String sql, CatalogueQuery query) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement settings = connection.createStatement()) {
                settings.execute("set local enable_seqscan = off");
                settings.execute("set local enable_sort = off");
            }
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement explain = connection.prepareStatement(
                    "explain (analyze, costs off, timing off, summary off) " + sql)) {
                if (query != null) {
                    query.bind(explain, 20, 40);
                }
                try (ResultSet lines = explain.executeQuery()) {
                    while (lines.next()) {
                        plan.append(lines.getString(1)).append('\n');
                    }
                }
            } finally {
                connection.rollback();
            }
            return plan.toString();
        }
    }
}
