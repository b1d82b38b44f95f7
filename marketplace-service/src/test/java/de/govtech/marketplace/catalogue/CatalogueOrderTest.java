package de.govtech.marketplace.catalogue;

import de.govtech.marketplace.listings.ListingCategory;
import de.govtech.marketplace.listings.ListingStatus;
import de.govtech.marketplace.testdata.CatalogueSeeds;
import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalogue's order, paging and counts, as the single search statement answers them: ranking (name before summary
 * before description, ties by name), every sort walked page by page equals the order a plain reference query gives
 * (the published revision of each PUBLISHED listing, joined the obvious way), delisted apps nowhere, the total and
 * the facets equal to what the reference counts.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class CatalogueOrderTest {

    static final String BASE = CatalogueTest.BASE;
    static final String VENDOR = "9d4f2d85-3f41-4d6c-8a84-00000000000b";
    static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    /** The reference: published revisions of PUBLISHED listings (a plain join), optionally matching a text. */
    static final String REFERENCE = """
            select l.slug from listing l
            join listing_revision r on r.listing_id = l.id and r.revision = l.published_revision
            where l.status = 'PUBLISHED' %s order by %s""";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void seed() {
        CatalogueSeeds seeds = CatalogueSeeds.vendor(VENDOR, "Zisternen Werk");
        // one word (Regenzisterne) in different fields; each seeded out of its expected order
        app(seeds, "zisterne-beschreibung", "Wasserwerk Kompakt", "Verbrauch der Stadtwerke", T0.plusSeconds(60))
                .description("Erfasst den Füllstand jeder Regenzisterne im Gemeindegebiet.")
                .category(ListingCategory.INFRASTRUCTURE).bsiC5(true).seed();
        app(seeds, "zisterne-beta", "Regenzisterne Beta", "Pegel und Warnungen", T0.plusSeconds(120))
                .category(ListingCategory.INFRASTRUCTURE).cloudTargets("ionos:de-fra").seed();
        app(seeds, "zisterne-kurz", "Pegelmelder", "Für jede Regenzisterne der Gemeinde", T0.plusSeconds(180)).seed();
        app(seeds, "zisterne-alpha", "Regenzisterne Alpha", "Pegel und Warnungen", T0).bsiC5(true).seed();
        // delisted: its revision is still PUBLISHED, the listing is not
        app(seeds, "zisterne-delisted", "Regenzisterne Alt", "Pegel und Warnungen", T0.plusSeconds(240))
                .description("Eingestellt.").status(ListingStatus.DELISTED).bsiC5(true).seed();
    }

    /** An administration app on stackit:eu01 with one free plan, published at {@code publishedAt}. */
    private static CatalogueSeeds.App app(CatalogueSeeds seeds, String slug, String name, String summary,
                                          Instant publishedAt) {
        return seeds.app(slug, name).summary(summary).description("Ein Dienst.").tags("Wasser")
                .plans(CatalogueSeeds.Plans.FREE).publishedAt(publishedAt);
    }

    @Test
    void aNameMatchRanksBeforeASummaryMatchBeforeADescriptionMatchAndEqualRanksGoByName() {
        given().queryParam("q", "Regenzisterne").get(BASE)
                .then().statusCode(200)
                .body("total", equalTo(4))
                .body("items.slug", contains("zisterne-alpha", "zisterne-beta", "zisterne-kurz", "zisterne-beschreibung"));
    }

    @Test
    void aWordOnlyInTheDescriptionIsFoundWithGermanStemming() {
        // "Füllstände" (plural) finds "Füllstand" in a description
        given().queryParam("q", "Füllstände").get(BASE)
                .then().statusCode(200).body("items.slug", contains("zisterne-beschreibung")).body("total", equalTo(1));
    }

    @Test
    void newestFirstByPublicationTimeAlsoWithAText() {
        given().queryParam("q", "Regenzisterne").queryParam("sort", "NEWEST").get(BASE)
                .then().statusCode(200)
                .body("items.slug", contains("zisterne-kurz", "zisterne-beta", "zisterne-beschreibung", "zisterne-alpha"));
    }

    @Test
    void everyPageOfEverySortFollowsTheReferenceOrderWithoutGapsOrRepeats() throws SQLException {
        List<String> byName = reference("", "r.name_key, l.id", null);
        assertTrue(byName.size() >= 4, "the catalogue holds the seeded apps");
        assertEquals(byName, walk(Map.of("sort", "NAME"), 3));
        assertEquals(byName, walk(Map.of(), 7));
        assertEquals(reference("", "r.decided_at desc, l.id", null), walk(Map.of("sort", "NEWEST"), 3));
        assertEquals(reference("and r.category = 'ADMINISTRATION' and r.bsi_c5", "r.name_key, l.id", null),
                walk(Map.of("category", "ADMINISTRATION", "bsiC5", true, "sort", "NAME"), 2));
        String text = "and r.search_document @@ websearch_to_tsquery('german', ?)";
        assertEquals(reference(text, "ts_rank_cd(r.search_document, websearch_to_tsquery('german', ?)) desc, r.name_key, l.id",
                "Regenzisterne"), walk(Map.of("q", "Regenzisterne"), 3));
        String byRank = "ts_rank_cd(r.search_document, websearch_to_tsquery('german', ?)) desc, r.name_key, l.id";
        // one word with a filter (the stored ranks, filtered through the entries' facet combinations), and two words
        // (ranked per request)
        assertEquals(reference(text + " and r.bsi_c5", byRank, "Regenzisterne"),
                walk(Map.of("q", "Regenzisterne", "bsiC5", true), 1));
        assertEquals(reference(text, byRank, "Pegel Regenzisterne"), walk(Map.of("q", "Pegel Regenzisterne"), 1));
        assertEquals(reference(text, "r.decided_at desc, l.id", "Regenzisterne"),
                walk(Map.of("q", "Regenzisterne", "sort", "NEWEST"), 1));
        assertTrue(byName.stream().noneMatch("zisterne-delisted"::equals));
    }

    @Test
    void theTotalAndTheFacetsCountEveryMatchOnceWhateverThePage() {
        for (int page : new int[] {0, 1, 9}) {
            given().queryParam("q", "Regenzisterne").queryParam("size", 2).queryParam("page", page).get(BASE)
                    .then().statusCode(200)
                    .body("total", equalTo(4))
                    .body("facets.categories.ADMINISTRATION", equalTo(2))
                    .body("facets.categories.INFRASTRUCTURE", equalTo(2))
                    .body("facets.cloudTargets.'stackit:eu01'", equalTo(3))
                    .body("facets.cloudTargets.'ionos:de-fra'", equalTo(1))
                    .body("facets.priceModels.FREE", equalTo(4))
                    .body("facets.compliance.bsiC5", equalTo(2))
                    .body("facets.compliance.openSource", equalTo(0));
        }
        given().queryParam("q", "Regenzisterne").queryParam("cloudTarget", "stackit:eu01").queryParam("size", 1).get(BASE)
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.slug", contains("zisterne-alpha"))
                .body("facets.cloudTargets.'ionos:de-fra'", nullValue());
    }

    @Test
    void withoutATextTheTotalAndTheFacetsAreTheReferenceCountsAlsoRightAfterEachChange() throws SQLException {
        assertCountsAsReference(Map.of(), "");
        assertCountsAsReference(Map.of("category", "INFRASTRUCTURE", "sort", "NEWEST"), "and r.category = 'INFRASTRUCTURE'");
        assertCountsAsReference(Map.of("cloudTarget", "stackit:eu01", "bsiC5", true, "page", 3),
                "and 'stackit:eu01' = any(r.cloud_targets) and r.bsi_c5");
        assertCountsAsReference(Map.of("priceModel", "FREE", "openSource", false, "hostedInGermany", true),
                "and 'FREE' = any(r.price_models) and not r.open_source and r.hosted_in_germany");

        // each change is counted by the next search, whichever search ran before it
        CatalogueSeeds.vendor(VENDOR, "Zisternen Werk").app("pumpwerk-zaehler", "Pumpwerk Zähler")
                .category(ListingCategory.INFRASTRUCTURE).cloudTargets("delos:de").bsiC5(true).licence("MIT").seed();
        assertCountsAsReference(Map.of(), "");
        assertCountsAsReference(Map.of("category", "INFRASTRUCTURE", "sort", "NEWEST"), "and r.category = 'INFRASTRUCTURE'");
        change("update listing set status = 'DELISTED' where slug = 'pumpwerk-zaehler'");
        assertCountsAsReference(Map.of(), "");
        change("update listing set status = 'PUBLISHED' where slug = 'pumpwerk-zaehler'");
        assertCountsAsReference(Map.of("category", "INFRASTRUCTURE", "sort", "NEWEST"), "and r.category = 'INFRASTRUCTURE'");
    }

    /**
     * A text search reads V13's narrow table, which its triggers keep in the same transaction as every change of a
     * listing or of its published revision: each change is seen by the very next search, with the reference's total
     * and facets, and the table holds exactly the reference's revisions (red when a trigger is removed); V16's words of
     * the entries, which a one-word search reads, exactly each entry's lexemes with their rank, and V18's counts of
     * them per facet combination exactly what those words give.
     */
    @Test
    void aTextSearchSeesEveryChangeOfAListingAtOnce() throws SQLException {
        String text = "and r.search_document @@ websearch_to_tsquery('german', 'Schleusenwärter')";
        CatalogueSeeds.vendor(VENDOR, "Zisternen Werk").app("schleuse-digital", "Schleusenwärter Digital")
                .category(ListingCategory.INFRASTRUCTURE).cloudTargets("delos:de").seed();
        assertTextSearch("Schleusenwärter", text, "Schleusenwärter Digital");

        // the published revision's content changes: another category, and the word moves from the name to the summary
        change("update listing_revision set content = content || '{\"name\": \"Wehrwart Digital\", "
                + "\"summary\": \"Für Schleusenwärter\", \"category\": \"ADMINISTRATION\"}'::jsonb"
                + " where listing_id = (select id from listing where slug = 'schleuse-digital')");
        assertTextSearch("Schleusenwärter", text, "Wehrwart Digital");
        assertTextSearch("Wehrwart", "and r.search_document @@ websearch_to_tsquery('german', 'Wehrwart')",
                "Wehrwart Digital");

        // a new revision is published (inserted PUBLISHED before the old one is superseded) in one transaction
        change("""
                do $$ declare app uuid := (select id from listing where slug = 'schleuse-digital'); begin
                insert into listing_revision (id, listing_id, revision, status, content, broker_url, broker_username,
                       broker_password, broker_password_encrypted, created_at, created_by, updated_at, decided_at,
                       decided_by)
                select gen_random_uuid(), listing_id, 2, 'PUBLISHED', content || '{"name": "Schleusenwärter Plus"}',
                       broker_url, broker_username, broker_password, broker_password_encrypted, created_at, created_by,
                       updated_at, now(), 'test'
                from listing_revision where listing_id = app and revision = 1;
                update listing_revision set status = 'SUPERSEDED' where listing_id = app and revision = 1;
                update listing set published_revision = 2 where id = app;
                end $$""");
        assertTextSearch("Schleusenwärter", text, "Schleusenwärter Plus");
        assertTextSearch("Wehrwart", "and r.search_document @@ websearch_to_tsquery('german', 'Wehrwart')");

        change("update listing set status = 'DELISTED' where slug = 'schleuse-digital'");
        assertTextSearch("Schleusenwärter", text);
        change("update listing set status = 'PUBLISHED' where slug = 'schleuse-digital'");
        assertTextSearch("Schleusenwärter", text, "Schleusenwärter Plus");
    }

    /** A text search finds exactly {@code names}, with the reference's total and facets; the narrow table is right. */
    private void assertTextSearch(String q, String where, String... names) throws SQLException {
        given().queryParam("q", q).get(BASE).then().statusCode(200)
                .body("items.name", names.length == 0 ? empty() : contains(names));
        assertCountsAsReference(Map.of("q", q), where);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     select (select count(*) from catalogue_entry),
                            (select count(*) from listing l join listing_revision r on r.listing_id = l.id
                             where l.status = 'PUBLISHED' and r.status = 'PUBLISHED'),
                            (select count(*) from (select r.id, r.search_document, r.category, r.cloud_targets
                                                   from listing l join listing_revision r on r.listing_id = l.id
                                                   where l.status = 'PUBLISHED' and r.status = 'PUBLISHED'
                                                   except
                                                   select e.revision_id, e.search_document, c.category, c.cloud_targets
                                                   from catalogue_entry e
                                                   join catalogue_facet_combination c on c.id = e.combination) d)""");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            assertEquals(rows.getLong(2), rows.getLong(1), "entries = published revisions of published listings");
            assertEquals(0, rows.getLong(3), "every published revision has its entry, with its current values");
        }
        assertEquals(0, differences("""
                select e.revision_id, catalogue_word_of(t.lexeme) as word,
                       ts_rank_cd(e.search_document, catalogue_word_of(t.lexeme)), e.name_key, e.listing_id, e.combination
                from catalogue_entry e cross join unnest(e.search_document) t""", """
                select w.revision_id, w.word, w.rank, w.name_key, w.listing_id, w.combination from catalogue_word w"""),
                "catalogue_word holds each entry's lexemes with their ts_rank_cd, nothing else");
        assertEquals(0, differences("""
                select w.word, w.combination, count(*)::int from catalogue_word w group by w.word, w.combination""", """
                select f.word, f.combination, f.apps from catalogue_word_facet f"""),
                "catalogue_word_facet counts each word's entries per facet combination, and no word without one");
    }

    /** The rows in one query's result and not in the other's, either way. */
    private long differences(String one, String other) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select count(*) from ((%1$s except all %2$s) union all (%2$s except all %1$s)) d".formatted(one, other));
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The total and facets of a search equal those counted from the reference's apps that {@code where} keeps. */
    private void assertCountsAsReference(Map<String, ?> query, String where) throws SQLException {
        Map<String, Map<String, Long>> expected = new TreeMap<>(Map.of("categories", new TreeMap<>(),
                "cloudTargets", new TreeMap<>(), "priceModels", new TreeMap<>(),
                "compliance", new TreeMap<>()));
        List<String> flags = List.of("hostedInGermany", "bsiC5", "gdprDpaAvailable", "bitvAccessible", "openSource");
        flags.forEach(flag -> expected.get("compliance").put(flag, 0L));
        long total = 0;
        String sql = """
                select r.category, r.cloud_targets, r.price_models, r.hosted_in_germany, r.bsi_c5, r.gdpr_dpa_available,
                       r.bitv_accessible, r.open_source
                from listing l join listing_revision r on r.listing_id = l.id and r.revision = l.published_revision
                where l.status = 'PUBLISHED'\s""" + where;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                total++;
                expected.get("categories").merge(rows.getString(1), 1L, Long::sum);
                for (String target : (String[]) rows.getArray(2).getArray()) {
                    expected.get("cloudTargets").merge(target, 1L, Long::sum);
                }
                for (String model : (String[]) rows.getArray(3).getArray()) {
                    expected.get("priceModels").merge(model, 1L, Long::sum);
                }
                for (int i = 0; i < flags.size(); i++) {
                    expected.get("compliance").merge(flags.get(i), rows.getBoolean(4 + i) ? 1L : 0L, Long::sum);
                }
            }
        }
        JsonPath answer = given().queryParams(query).queryParam("size", 2).get(BASE)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(total, answer.getLong("total"), "total of " + query);
        for (String facet : expected.keySet()) {
            Map<String, Long> actual = new TreeMap<>();
            answer.getMap("facets." + facet, String.class, Number.class)
                    .forEach((value, count) -> actual.put(value, count.longValue()));
            assertEquals(expected.get(facet), actual, facet + " of " + query);
        }
    }

    private void change(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    /** The slugs of every page of a search, concatenated; the total of each page equals the number of slugs. */
    private static List<String> walk(Map<String, ?> query, int size) {
        List<String> slugs = new ArrayList<>();
        long total = -1;
        for (int page = 0; total < 0 || (long) page * size < total; page++) {
            JsonPath answer = given().queryParams(query).queryParam("size", size).queryParam("page", page).get(BASE)
                    .then().statusCode(200).extract().jsonPath();
            total = answer.getLong("total");
            slugs.addAll(answer.getList("items.slug", String.class));
        }
        assertEquals(total, slugs.size(), "total = apps on all pages for " + query);
        assertEquals(slugs.size(), slugs.stream().distinct().count(), "no app on two pages for " + query);
        return slugs;
    }

    private List<String> reference(String where, String order, String text) throws SQLException {
        List<String> slugs = new ArrayList<>();
        String sql = REFERENCE.formatted(where, order);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 1; i <= sql.chars().filter(c -> c == '?').count(); i++) {
                statement.setString(i, text);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    slugs.add(rows.getString(1));
                }
            }
        }
        return slugs;
    }
}
