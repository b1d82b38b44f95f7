package de.govtech.marketplace.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.govtech.marketplace.listings.Listing;
import de.govtech.marketplace.listings.ListingCategory;
import de.govtech.marketplace.listings.ListingStatus;
import de.govtech.marketplace.testdata.CatalogueSeeds;
import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public catalogue: published apps only, German full-text search ranked by relevance, paging with a total. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class CatalogueTest {

    static final String BASE = "/api/v1/marketplace/catalogue/apps";
    static final String VENDOR = "9d4f2d85-3f41-4d6c-8a84-00000000000a";

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void seed() {
        CatalogueSeeds seeds = CatalogueSeeds.vendor(VENDOR, "Katalog Anbieter");
        app(seeds, "wertstoffhof-planer", "Wertstoffhof Planer", "Öffnungszeiten und Terminen am Hof")
                .bsiC5(true).licence("EUPL-1.2").seed();
        app(seeds, "buergerservice-kompakt", "Bürgerservice Kompakt", "Anträge online stellen, auch für den Wertstoffhof")
                .category(ListingCategory.CITIZEN_SERVICES).cloudTargets("ionos:de-fra").seed();
        app(seeds, "ratsinfo-digital", "Ratsinfo Digital", "Sitzungen und Vorlagen des Gemeinderats").bsiC5(true).seed();
        app(seeds, "wertstoffhof-alt", "Wertstoffhof Alt", "eingestellt").status(ListingStatus.DELISTED).bsiC5(true).seed();
        app(seeds, "wertstoffhof-entwurf", "Wertstoffhof Entwurf", "noch nicht veröffentlicht")
                .status(ListingStatus.DRAFT).bsiC5(true).seed();
    }

    /** An administration app on stackit:eu01, accessible, with a free and a monthly plan; published unless told. */
    private static CatalogueSeeds.App app(CatalogueSeeds seeds, String slug, String name, String description) {
        return seeds.app(slug, name).description(description).tags("Kommune").bitvAccessible(true)
                .plans(CatalogueSeeds.Plans.FREE, CatalogueSeeds.Plans.MONTHLY_FLAT);
    }

    @Test
    void anonymousSearchFindsOnlyPublishedAppsRankedByRelevance() {
        given().queryParam("q", "Wertstoffhof").get(BASE)
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.slug", contains("wertstoffhof-planer", "buergerservice-kompakt"))
                .body("items[0].vendorName", equalTo("Katalog Anbieter"))
                .body("items[0].plans[1].price", equalTo(12.5f));
    }

    @Test
    void searchUsesGermanStemming() {
        given().queryParam("q", "Termin").get(BASE)
                .then().statusCode(200).body("items.slug", contains("wertstoffhof-planer"));
    }

    @Test
    void pagingGivesTheTotalOfAllPages() {
        given().queryParam("size", 1).queryParam("page", 1).get(BASE)
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("page", equalTo(1))
                .body("size", equalTo(1))
                .body("total", greaterThanOrEqualTo(3));
        given().queryParam("q", "Wertstoffhof").queryParam("page", 5).get(BASE)
                .then().statusCode(200).body("items", hasSize(0)).body("total", equalTo(2));
        given().queryParam("size", 101).get(BASE).then().statusCode(400);
    }

    @Test
    void oneAppWithItsPlansIsPublicButDraftsAndDelistedAppsAreNot() {
        given().get(BASE + "/wertstoffhof-planer")
                .then().statusCode(200)
                .body("name", equalTo("Wertstoffhof Planer"))
                .body("plans.priceModel", contains("FREE", "MONTHLY_FLAT"))
                .body(not(containsString("broker")));
        given().get(BASE + "/wertstoffhof-alt").then().statusCode(404);
        given().get(BASE + "/wertstoffhof-entwurf").then().statusCode(404);
    }

    @Test
    void facetsCountTheMatchingAppsPerValue() {
        given().queryParam("q", "Wertstoffhof").get(BASE)
                .then().statusCode(200)
                .body("facets.categories.ADMINISTRATION", equalTo(1))
                .body("facets.categories.CITIZEN_SERVICES", equalTo(1))
                .body("facets.cloudTargets.'stackit:eu01'", equalTo(1))
                .body("facets.cloudTargets.'ionos:de-fra'", equalTo(1))
                .body("facets.priceModels.FREE", equalTo(2))
                .body("facets.priceModels.MONTHLY_FLAT", equalTo(2))
                .body("facets.compliance.bsiC5", equalTo(1))
                .body("facets.compliance.hostedInGermany", equalTo(2))
                .body("facets.compliance.openSource", equalTo(1));
    }

    @Test
    void filtersNarrowTheResultAndItsFacets() {
        given().queryParam("q", "Wertstoffhof").queryParam("bsiC5", true).get(BASE)
                .then().statusCode(200).body("items.slug", contains("wertstoffhof-planer")).body("total", equalTo(1))
                .body("facets.categories.CITIZEN_SERVICES", nullValue());
        given().queryParam("q", "Wertstoffhof").queryParam("cloudTarget", "ionos:de-fra").get(BASE)
                .then().statusCode(200).body("items.slug", contains("buergerservice-kompakt"));
        given().queryParam("q", "Wertstoffhof").queryParam("category", "CITIZEN_SERVICES").get(BASE)
                .then().statusCode(200).body("items.slug", contains("buergerservice-kompakt"));
        given().queryParam("q", "Wertstoffhof").queryParam("openSource", true).get(BASE)
                .then().statusCode(200).body("items.slug", contains("wertstoffhof-planer"));
        given().queryParam("q", "Wertstoffhof").queryParam("priceModel", "PER_INHABITANT_PER_YEAR").get(BASE)
                .then().statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));
        given().queryParam("q", "Wertstoffhof").queryParam("sort", "NAME").get(BASE)
                .then().statusCode(200).body("items.slug", contains("buergerservice-kompakt", "wertstoffhof-planer"));
    }

    /**
     * A search answered again is answered from the pages kept for the catalogue's version: every committed change of
     * what it shows — by the API or straight in the database — ends them at once (V12's triggers).
     */
    @Test
    void aRepeatedSearchShowsEveryChangeOfTheCatalogueAtOnce() {
        String vendor = "9d4f2d85-3f41-4d6c-8a84-00000000000c";
        CatalogueSeeds.vendor(vendor, "Deich Software").app("deichgrafenamt", "Deichgrafenamt Digital")
                .summary("Deichschau planen").seed();
        change("update vendor set name = 'Deich Software' where id = '" + vendor + "'");
        change("update listing set status = 'PUBLISHED' where slug = 'deichgrafenamt'");
        for (int i = 0; i < 2; i++) {
            given().queryParam("q", "Deichgrafenamt").get(BASE).then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].vendorName", equalTo("Deich Software"))
                    .body("items[0].summary", equalTo("Deichschau planen"));
        }

        change("update vendor set name = 'Deich Software AG' where id = '" + vendor + "'");
        given().queryParam("q", "Deichgrafenamt").get(BASE).then().statusCode(200)
                .body("items[0].vendorName", equalTo("Deich Software AG"));

        change("update listing_revision set content = jsonb_set(content, '{summary}', '\"Deichschau und Sielpflege\"')"
                + " where listing_id = (select id from listing where slug = 'deichgrafenamt')");
        given().queryParam("q", "Deichgrafenamt").get(BASE).then().statusCode(200)
                .body("items[0].summary", equalTo("Deichschau und Sielpflege"));

        change("update listing set status = 'DELISTED' where slug = 'deichgrafenamt'");
        given().queryParam("q", "Deichgrafenamt").get(BASE).then().statusCode(200)
                .body("total", equalTo(0)).body("items", hasSize(0));

        change("update listing set status = 'PUBLISHED' where slug = 'deichgrafenamt'");
        given().queryParam("q", "Deichgrafenamt").get(BASE).then().statusCode(200).body("total", equalTo(1));
    }

    /** HTTP caching: a weak ETag per search and catalogue version, revalidated with If-None-Match (304, no body). */
    @Test
    void anAnswerIsRevalidatedWith304UntilTheCatalogueChanges() {
        String etag = given().queryParam("q", "Wertstoffhof").get(BASE).then().statusCode(200)
                .header("Cache-Control", "public, no-cache").header("ETag", startsWith("W/\""))
                .extract().header("ETag");
        given().queryParam("q", "Wertstoffhof").header("If-None-Match", etag).get(BASE)
                .then().statusCode(304).header("ETag", etag).header("Cache-Control", "public, no-cache")
                .body(emptyString());
        given().queryParam("q", "Wertstoffhof").header("If-None-Match", "\"x\", " + etag.substring(2)).get(BASE)
                .then().statusCode(304);

        String page2 = given().queryParam("q", "Wertstoffhof").queryParam("size", 1).queryParam("page", 1).get(BASE)
                .then().statusCode(200).extract().header("ETag");
        String other = given().queryParam("q", "Ratsinfo").get(BASE).then().statusCode(200).extract().header("ETag");
        assertNotEquals(etag, page2);
        assertNotEquals(etag, other);
        given().queryParam("q", "Wertstoffhof").header("If-None-Match", other).get(BASE)
                .then().statusCode(200).body("total", equalTo(2));

        change("update vendor set name = 'Katalog Anbieter' where id = '" + VENDOR + "'");
        String changed = given().queryParam("q", "Wertstoffhof").header("If-None-Match", etag).get(BASE)
                .then().statusCode(200).body("total", equalTo(2)).extract().header("ETag");
        assertNotEquals(etag, changed);
        given().queryParam("q", "Wertstoffhof").header("If-None-Match", changed).get(BASE).then().statusCode(304);
    }

    /** The service writes apps through the kept cards (CatalogueCardsTest: the same bytes Jackson writes). */
    @Test
    void theServiceWritesAppsThroughTheKeptCards() {
        assertTrue(mapper.getRegisteredModuleIds().contains("catalogue-cards"),
                mapper.getRegisteredModuleIds()::toString);
        String first = given().get(BASE + "/wertstoffhof-planer").then().statusCode(200).extract().asString();
        assertEquals(first, given().get(BASE + "/wertstoffhof-planer").then().statusCode(200).extract().asString());
    }

    private static void change(String sql) {
        QuarkusTransaction.requiringNew().run(() -> Listing.getEntityManager().createNativeQuery(sql).executeUpdate());
    }
}
