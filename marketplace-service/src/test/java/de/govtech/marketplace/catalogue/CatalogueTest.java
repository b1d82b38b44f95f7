package de.govtech.marketplace.catalogue;

import de.govtech.marketplace.TestVendors;
import de.govtech.marketplace.listings.Listing;
import de.govtech.marketplace.listings.ListingCategory;
import de.govtech.marketplace.listings.ListingContent;
import de.govtech.marketplace.listings.ListingContentJson;
import de.govtech.marketplace.listings.ListingRevision;
import de.govtech.marketplace.listings.ListingStatus;
import de.govtech.marketplace.listings.PriceModel;
import de.govtech.marketplace.listings.RevisionStatus;
import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;

/** The public catalogue: published apps only, German full-text search ranked by relevance, paging with a total. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class CatalogueTest {

    static final String BASE = "/api/v1/marketplace/catalogue/apps";
    static final String VENDOR = "9d4f2d85-3f41-4d6c-8a84-00000000000a";

    @BeforeEach
    void seed() {
        TestVendors.ensure(VENDOR, "Katalog Anbieter", true);
        seed("wertstoffhof-planer", "Wertstoffhof Planer", "Öffnungszeiten und Terminen am Hof", ListingStatus.PUBLISHED,
                ListingCategory.ADMINISTRATION, "stackit:eu01", true, "EUPL-1.2");
        seed("buergerservice-kompakt", "Bürgerservice Kompakt", "Anträge online stellen, auch für den Wertstoffhof",
                ListingStatus.PUBLISHED, ListingCategory.CITIZEN_SERVICES, "ionos:de-fra", false, null);
        seed("ratsinfo-digital", "Ratsinfo Digital", "Sitzungen und Vorlagen des Gemeinderats", ListingStatus.PUBLISHED,
                ListingCategory.ADMINISTRATION, "stackit:eu01", true, null);
        seed("wertstoffhof-alt", "Wertstoffhof Alt", "eingestellt", ListingStatus.DELISTED,
                ListingCategory.ADMINISTRATION, "stackit:eu01", true, null);
        seed("wertstoffhof-entwurf", "Wertstoffhof Entwurf", "noch nicht veröffentlicht", ListingStatus.DRAFT,
                ListingCategory.ADMINISTRATION, "stackit:eu01", true, null);
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

    private static void seed(String slug, String name, String description, ListingStatus status,
                             ListingCategory category, String cloudTarget, boolean bsiC5, String licence) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (Listing.count("slug", slug) > 0) {
                return;
            }
            Instant now = Instant.now();
            Listing listing = new Listing();
            listing.id = UUID.randomUUID();
            listing.vendorId = UUID.fromString(VENDOR);
            listing.slug = slug;
            listing.status = status;
            boolean published = status != ListingStatus.DRAFT;
            listing.publishedRevision = published ? 1 : null;
            listing.pendingRevision = published ? null : 1;
            listing.createdAt = now;
            listing.updatedAt = now;
            listing.persist();
            ListingRevision revision = new ListingRevision();
            revision.id = UUID.randomUUID();
            revision.listingId = listing.id;
            revision.revision = 1;
            revision.status = published ? RevisionStatus.PUBLISHED : RevisionStatus.DRAFT;
            revision.content = ListingContentJson.write(new ListingContent(name, "Kurzbeschreibung", description,
                    category, List.of("Kommune"),
                    List.of(new ListingContent.Plan("Basis", "Frei", PriceModel.FREE, BigDecimal.ZERO),
                            new ListingContent.Plan("Voll", "Alles", PriceModel.MONTHLY_FLAT, new BigDecimal("12.50"))),
                    new ListingContent.Compliance(true, bsiC5, true, true, licence), List.of(cloudTarget),
                    "https://docs.example.de", "https://support.example.de"));
            revision.brokerUrl = "https://broker.example.de";
            revision.brokerUsername = "u";
            revision.brokerPassword = "p";
            revision.createdAt = now;
            revision.createdBy = "seed";
            revision.updatedAt = now;
            revision.decidedAt = published ? now : null;
            revision.decidedBy = published ? "seed" : null;
            revision.persist();
        });
    }
}
