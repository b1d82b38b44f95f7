package de.govtech.marketplace.listings;

import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import de.govtech.marketplace.TestVendors;
import de.govtech.platform.events.EventJson;
import de.govtech.platform.testkit.KafkaTopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static de.govtech.marketplace.listings.ListingFixtures.BASE;
import static de.govtech.marketplace.listings.ListingFixtures.listing;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole listing workflow, one caller per step (the steps run in order and share the listing): draft, review,
 * rejection, new revision, publication, a change under review while the published revision stays visible,
 * delisting — with the history kept and the events read back from marketplace.events.
 */
@QuarkusTest
@ExtendWith(BrokerSecretsNeverLeave.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ListingWorkflowTest {

    static final String VENDOR_A = "7b2d0b63-1d2f-4b4a-8e62-00000000000a";
    static final String VENDOR_B = "7b2d0b63-1d2f-4b4a-8e62-00000000000b";
    static final String SLUG = "buergerportal-workflow";

    static String listingId;

    @BeforeEach
    void seed() {
        TestVendors.ensure(VENDOR_A, "Workflow Anbieter A", true);
        TestVendors.ensure(VENDOR_B, "Workflow Anbieter B", true);
    }

    @Test
    @Order(1)
    @TestSecurity(user = "anna.vendor-a", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VENDOR_A))
    void aVendorCreatesADraftAndChangesIt() {
        var created = given().contentType(ContentType.JSON).body(listing(SLUG, "Bürgerportal Workflow"))
                .when().post(BASE)
                .then().statusCode(201).extract();
        listingId = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/marketplace/listings/" + listingId), created.header("Location"));
        given().get(BASE + "/" + listingId)
                .then().statusCode(200)
                .body("vendorId", equalTo(VENDOR_A))
                .body("slug", equalTo(SLUG))
                .body("status", equalTo("DRAFT"))
                .body("published", nullValue())
                .body("pending.revision", equalTo(1))
                .body("pending.status", equalTo("DRAFT"))
                .body("pending.brokerConfigured", equalTo(true))
                .body("pending.content.plans[1].price", equalTo(0.12f))
                .body("pending.content", not(org.hamcrest.Matchers.hasKey("broker")));

        given().contentType(ContentType.JSON).body(listing(SLUG, "Bürgerportal Workflow Entwurf", false))
                .put(BASE + "/" + listingId).then().statusCode(204);
        given().get(BASE + "/" + listingId).then().statusCode(200)
                .body("pending.revision", equalTo(1))
                .body("pending.content.name", equalTo("Bürgerportal Workflow Entwurf"));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "bert.vendor-b", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VENDOR_B))
    void anotherVendorNeitherSeesNorChangesTheListing() {
        String path = BASE + "/" + listingId;
        given().get(path).then().statusCode(404).body("type", endsWith("/not-found"));
        given().contentType(ContentType.JSON).body(listing(SLUG, "Gekapert")).put(path).then().statusCode(404);
        given().post(path + "/submit").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"reason\":\"weg\"}").post(path + "/delist").then().statusCode(404);
        given().get(path + "/revisions").then().statusCode(404);
        given().get(path + "/decisions").then().statusCode(404);
        given().queryParam("size", 100).get(BASE).then().statusCode(200).body("items.id", not(hasItem(listingId)));
        assertEquals("Bürgerportal Workflow Entwurf", pendingName());
    }

    @Test
    @Order(3)
    @TestSecurity(user = "mia.muni", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = "f4ec1f01-9f1c-3d34-ba99-332841cb7bcd"))
    void aMunicipalityAdminCannotPublishRejectSeeOrCreateListings() {
        String path = BASE + "/" + listingId;
        given().post(path + "/publish").then().statusCode(403).body("type", endsWith("/forbidden"));
        given().contentType(ContentType.JSON).body("{\"reason\":\"nein\"}").post(path + "/reject").then().statusCode(403);
        given().get(path).then().statusCode(403);
        given().get(BASE).then().statusCode(403);
        given().contentType(ContentType.JSON).body(listing("muni-app", "Muni")).post(BASE).then().statusCode(403);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "anna.vendor-a", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VENDOR_A))
    void theVendorSubmitsButCannotDecideOrChangeWhileUnderReview() {
        String path = BASE + "/" + listingId;
        given().post(path + "/publish").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"reason\":\"selbst\"}").post(path + "/reject").then().statusCode(403);

        given().post(path + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("pending.submittedBy", equalTo("anna.vendor-a"));
        given().post(path + "/submit").then().statusCode(409).body("type", endsWith("/invalid-listing-transition"));
        given().contentType(ContentType.JSON).body(listing(SLUG, "Zu spät")).put(path)
                .then().statusCode(409).body("type", endsWith("/invalid-listing-transition"));
        given().contentType(ContentType.JSON).body("{\"reason\":\"zu früh\"}").post(path + "/delist")
                .then().statusCode(409);
    }

    @Test
    @Order(5)
    @TestSecurity(user = "paula.platform", roles = "platform-admin")
    void aPlatformAdminRejectsWithAReason() {
        String path = BASE + "/" + listingId;
        given().queryParam("status", "SUBMITTED").queryParam("size", 100).get(BASE)
                .then().statusCode(200).body("items.id", hasItem(listingId));
        given().contentType(ContentType.JSON).body("{}").post(path + "/reject")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body("{\"reason\":\"Die Support-URL ist nicht erreichbar.\"}")
                .post(path + "/reject")
                .then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("pending.status", equalTo("REJECTED"))
                .body("pending.decidedBy", equalTo("paula.platform"))
                .body("pending.rejectionReason", equalTo("Die Support-URL ist nicht erreichbar."));
        given().post(path + "/publish").then().statusCode(409);
    }

    @Test
    @Order(6)
    @TestSecurity(user = "anna.vendor-a", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VENDOR_A))
    void afterARejectionTheVendorStartsANewRevisionAndSubmitsIt() {
        String path = BASE + "/" + listingId;
        given().contentType(ContentType.JSON).body(listing(SLUG, "Bürgerportal Workflow", false)).put(path)
                .then().statusCode(204);
        given().get(path).then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("pending.revision", equalTo(2))
                .body("pending.brokerConfigured", equalTo(true));
        given().post(path + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    @Test
    @Order(7)
    @TestSecurity(user = "paula.platform", roles = "platform-admin")
    void aPlatformAdminPublishesTheSubmittedRevision() {
        given().post(BASE + "/" + listingId + "/publish")
                .then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("published.revision", equalTo(2))
                .body("published.status", equalTo("PUBLISHED"))
                .body("published.decidedBy", equalTo("paula.platform"))
                .body("pending", nullValue());
        assertTextSearchShows(2);
    }

    @Test
    @Order(8)
    @TestSecurity(user = "anna.vendor-a", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VENDOR_A))
    void changingAPublishedListingCreatesARevisionUnderReviewWhileThePublishedOneStaysVisible() {
        String path = BASE + "/" + listingId;
        given().contentType(ContentType.JSON).body(listing("anderer-slug", "Bürgerportal Workflow 2", false)).put(path)
                .then().statusCode(422).body("errors[0].field", equalTo("slug"));
        given().contentType(ContentType.JSON).body(listing(SLUG, "Bürgerportal Workflow 2", false)).put(path)
                .then().statusCode(204);
        given().post(path + "/submit").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("published.revision", equalTo(2))
                .body("published.content.name", equalTo("Bürgerportal Workflow"))
                .body("pending.revision", equalTo(3))
                .body("pending.status", equalTo("SUBMITTED"))
                .body("pending.content.name", equalTo("Bürgerportal Workflow 2"));
    }

    @Test
    @Order(9)
    @TestSecurity(user = "paula.platform", roles = "platform-admin")
    void publishingTheNewRevisionSupersedesTheOldOneAndEveryRevisionAndDecisionIsKept() {
        String path = BASE + "/" + listingId;
        given().post(path + "/publish").then().statusCode(200)
                .body("published.revision", equalTo(3))
                .body("published.brokerUrl", equalTo(ListingFixtures.BROKER_URL))
                .body("published.content.name", equalTo("Bürgerportal Workflow 2"));
        given().get("/api/v1/marketplace/catalogue/apps/" + SLUG).then().statusCode(200)
                .body("revision", equalTo(3))
                .body("name", equalTo("Bürgerportal Workflow 2"))
                .body("vendorId", equalTo(VENDOR_A));
        assertTextSearchShows(3);

        given().get(path + "/revisions").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.revision", contains(1, 2, 3))
                .body("items.status", contains("REJECTED", "SUPERSEDED", "PUBLISHED"))
                .body("items[0].rejectionReason", equalTo("Die Support-URL ist nicht erreichbar."));
        given().queryParam("size", 100).get(path + "/decisions").then().statusCode(200)
                .body("items.action", contains("CREATED", "UPDATED", "SUBMITTED", "REJECTED", "UPDATED", "SUBMITTED",
                        "PUBLISHED", "UPDATED", "SUBMITTED", "PUBLISHED"))
                .body("items.revision", contains(1, 1, 1, 1, 2, 2, 2, 3, 3, 3))
                .body("items[3].actor", equalTo("paula.platform"))
                .body("items[3].reason", equalTo("Die Support-URL ist nicht erreichbar."))
                .body("items[0].actor", equalTo("anna.vendor-a"))
                .body("items[0].at", notNullValue());

        // The broker given with revision 1 was carried over to the revisions that omitted it.
        ListingRevision third = QuarkusTransaction.requiringNew()
                .call(() -> ListingRevision.of(UUID.fromString(listingId), 3));
        assertTrue(third.brokerPasswordEncrypted);
        assertEquals(ListingFixtures.BROKER_PASSWORD,
                io.quarkus.arc.Arc.container().instance(de.govtech.marketplace.osb.PasswordCipher.class).get()
                        .decrypt(third.brokerPassword));
        assertEquals(ListingFixtures.BROKER_URL, third.brokerUrl);
    }

    @Test
    @Order(10)
    @TestSecurity(user = "anna.vendor-a", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VENDOR_A))
    void theVendorDelistsItsAppAndItCannotChangeAnymore() {
        String path = BASE + "/" + listingId;
        given().contentType(ContentType.JSON).body("{\"reason\":\"Produkt wird eingestellt\"}").post(path + "/delist")
                .then().statusCode(200).body("status", equalTo("DELISTED"));
        given().contentType(ContentType.JSON).body(listing(SLUG, "Wieder da")).put(path).then().statusCode(409);
        given().post(path + "/submit").then().statusCode(409);
    }

    @Test
    @Order(11)
    void publicationsAndTheDelistingWentToMarketplaceEvents() {
        given().get("/api/v1/marketplace/catalogue/apps/" + SLUG).then().statusCode(404);
        assertTextSearchShows();
        List<ConsumerRecord<String, String>> events = KafkaTopicReader.fromTestBroker()
                .readMatching("marketplace.events", r -> listingId.equals(r.key()), 3, Duration.ofSeconds(30));
        assertEquals(List.of("de.govtech.marketplace.app-published.v1", "de.govtech.marketplace.app-published.v1",
                "de.govtech.marketplace.app-delisted.v1"), events.stream().map(r -> KafkaTopicReader.header(r, "ce_type")).toList());
        var first = json(events.get(0));
        assertEquals(2, first.get("revision").asInt());
        assertEquals(SLUG, first.get("slug").asText());
        assertEquals("Bürgerportal Workflow", first.get("name").asText());
        assertEquals(3, json(events.get(1)).get("revision").asInt());
        var delisted = json(events.get(2));
        assertEquals("Produkt wird eingestellt", delisted.get("reason").asText());
        assertEquals(VENDOR_A, delisted.get("vendorId").asText());
        for (ConsumerRecord<String, String> event : events) {
            for (String secret : List.of(ListingFixtures.BROKER_PASSWORD, ListingFixtures.BROKER_USER, ListingFixtures.BROKER_URL,
                    "broker.secret-vendor")) {
                assertTrue(!event.value().contains(secret), "an event carries " + secret);
            }
        }
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        return EventJson.readTree(record.value().getBytes(StandardCharsets.UTF_8));
    }

    private static String pendingName() {
        return QuarkusTransaction.requiringNew().call(() -> ListingContentJson
                .read(ListingRevision.of(UUID.fromString(listingId), 1).content).name());
    }

    /** A text search (V13's narrow table) shows this listing once, as the given revision — or not at all. */
    private static void assertTextSearchShows(Integer... revision) {
        given().queryParam("q", "Bürgerportal Workflow").queryParam("size", 100).get("/api/v1/marketplace/catalogue/apps")
                .then().statusCode(200)
                .body("items.findAll { it.slug == '" + SLUG + "' }.revision",
                        revision.length == 0 ? hasSize(0) : contains(revision));
    }
}
