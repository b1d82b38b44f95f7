package de.govtech.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import de.govtech.platform.testkit.KafkaTopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import de.govtech.deploy.samplebroker.BrokerInstance;
import de.govtech.deploy.samplebroker.Catalog;
import de.govtech.deploy.samplebroker.SampleBroker;
import de.govtech.deploy.samplebroker.SampleBrokerSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static de.govtech.systemtests.DevUsers.APPLICANT_ADMIN;
import static de.govtech.systemtests.DevUsers.APPLICANT_MUNICIPALITY;
import static de.govtech.systemtests.DevUsers.PLATFORM_ADMIN;
import static de.govtech.systemtests.DevUsers.VENDOR_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The platform's main journey, step by step, each by the user who does it in real life, only through the gateway:
 * a vendor lists an app with its Open Service Broker, the association verifies the vendor and publishes the app,
 * anyone finds it in the catalogue, a municipality registers and joins, and once marketplace has learnt of the new
 * member (member-joined over Kafka) the municipality orders the app and the vendor's broker provisions it;
 * app-provisioned is read back from Kafka (steps that only look, like the catalogue search, do not stop the later
 * ones when they fail). The new member then also orders the stack's demo app, provisioned by the
 * stack's own sample broker. A step runs only when the ones before it passed.
 *
 * <p>The vendor is {@code dev-vendor-b}: the launcher has already registered {@code dev-vendor}'s vendor for its demo
 * app. The vendor's broker is a sample broker (deploy/sample-broker) started here, because the marketplace maps a
 * listing to the broker's service by the listing's slug and the stack's sample broker offers only the demo app's.
 */
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformJourneyIT {

    private static final String MARKETPLACE = "/api/v1/marketplace";
    private static final String MEMBERSHIP = "/api/v1/membership";
    private static final String SLUG = "baumkataster-kommunal";
    /** Seeded by the launcher (deploy/local README, "The demo app"); its broker is the stack's sample broker. */
    private static final String DEMO_APP = "buergerservice-demo";
    private static final Duration EVENTS_ARRIVE = Duration.ofSeconds(60);
    private static final Duration PROVISIONING = Duration.ofSeconds(90);
    /** The vendor's broker credentials: stored with the listing, never shown, sent by marketplace to the broker. */
    private static final String BROKER_USER = "baumkataster-osb";
    private static final String BROKER_PASSWORD = "osb-" + java.util.UUID.randomUUID();

    private final PlatformStack stack;
    private final Gateway gateway;
    private SampleBroker vendorBroker;
    private boolean anEarlierStepFailed;

    private String vendorId;
    private String listingId;
    private String membershipId;
    private JsonNode subscription;

    @RegisterExtension
    final TestWatcher stopAfterAFailedStep = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            // a step that only looks does not keep the later ones from running
            anEarlierStepFailed |= !context.getRequiredTestMethod().isAnnotationPresent(ReadOnlyStep.class);
        }
    };

    PlatformJourneyIT(PlatformStack stack) {
        this.stack = stack;
        this.gateway = stack.gateway();
    }

    /** The vendor's broker: one OSB service named like the listing's slug, one plan per listing plan. */
    @BeforeAll
    void theVendorRunsItsBroker() throws Exception {
        Catalog catalog = Catalog.parse("""
                {"services": [{"id": "7d1e5a40-9b1f-4c57-8a38-2d0f3b6c1a01", "name": "%s",
                  "description": "Baumkataster", "bindable": false, "instances_retrievable": true,
                  "plans": [{"id": "7d1e5a40-9b1f-4c57-8a38-2d0f3b6c1a02", "name": "basis", "description": "Basis", "free": true},
                            {"id": "7d1e5a40-9b1f-4c57-8a38-2d0f3b6c1a03", "name": "kommune", "description": "Kommune", "free": false}]}]}
                """.formatted(SLUG));
        vendorBroker = SampleBroker.start(SampleBrokerSettings.defaults().withUsername(BROKER_USER).withPassword(BROKER_PASSWORD)
                .withCatalog(catalog));
    }

    @AfterAll
    void theVendorStopsItsBroker() {
        if (vendorBroker != null) {
            vendorBroker.close();
        }
    }

    @Test
    @Order(1)
    void aVendorRegistersItsOrganisation() {
        String vendor = stack.tokenOf(VENDOR_B);
        vendorId = Jwt.claims(vendor).path("vendor_id").asText();
        assertFalse(vendorId.isBlank(), "dev-vendor-b's token has no vendor_id");

        ApiResponse created = gateway.post(MARKETPLACE + "/vendors", vendor,
                Fixtures.vendorRegistration("Grünflächen Digital GmbH", "DE900000001")).assertStatus(201);

        assertEquals(vendorId, created.createdId(), "the vendor's id is its vendor_id claim");
        assertEquals("PENDING", created.json().path("status").asText(), created.toString());
    }

    @Test
    @Order(2)
    void theVendorListsAnAppWithItsBroker() {
        stepsBeforePassed();
        ApiResponse created = gateway.post(MARKETPLACE + "/listings", stack.tokenOf(VENDOR_B),
                Fixtures.listing(SLUG, "Baumkataster Kommunal", vendorBroker.baseUrl().toString(), BROKER_USER, BROKER_PASSWORD))
                .assertStatus(201);

        listingId = created.createdId();
        assertEquals("DRAFT", created.json().path("status").asText(), created.toString());
        assertTrue(created.json().path("pending").path("brokerConfigured").asBoolean(), created.toString());
        assertFalse(created.body().contains(BROKER_PASSWORD), "the broker's password came back: " + created);
    }

    @Test
    @Order(3)
    void thePlatformAdminVerifiesTheVendor() {
        stepsBeforePassed();
        String admin = stack.tokenOf(PLATFORM_ADMIN);
        JsonNode queue = gateway.get(MARKETPLACE + "/vendors?status=PENDING", admin).assertStatus(200).json();
        assertTrue(ids(queue).contains(vendorId), "the vendor waits in the verification queue: " + queue);

        ApiResponse verified = gateway.post(MARKETPLACE + "/vendors/" + vendorId + "/verify", admin, null).assertStatus(200);

        assertEquals("VERIFIED", verified.json().path("status").asText(), verified.toString());
    }

    @Test
    @Order(4)
    void theVendorSubmitsTheListing() {
        stepsBeforePassed();
        ApiResponse submitted = gateway.post(MARKETPLACE + "/listings/" + listingId + "/submit", stack.tokenOf(VENDOR_B), null)
                .assertStatus(200);

        assertEquals("SUBMITTED", submitted.json().path("status").asText(), submitted.toString());
    }

    @Test
    @Order(5)
    void thePlatformAdminPublishesTheApp() {
        stepsBeforePassed();
        String admin = stack.tokenOf(PLATFORM_ADMIN);
        JsonNode queue = gateway.get(MARKETPLACE + "/listings?status=SUBMITTED", admin).assertStatus(200).json();
        assertTrue(ids(queue).contains(listingId), "the listing waits for review: " + queue);

        ApiResponse published = gateway.post(MARKETPLACE + "/listings/" + listingId + "/publish", admin, null)
                .assertStatus(200);

        assertEquals("PUBLISHED", published.json().path("status").asText(), published.toString());
        assertEquals(1, published.json().path("published").path("revision").asInt(), published.toString());
    }

    /** The public catalogue, searched by a municipality's admin (any caller may search it). */
    @Test
    @Order(6)
    @ReadOnlyStep
    void theAppIsFoundInTheCatalogueWithItsFacets() {
        stepsBeforePassed();
        String anyCaller = stack.tokenOf(DevUsers.HEILBRONN_ADMIN);
        JsonNode page = gateway.get(MARKETPLACE + "/catalogue/apps?q=Baumkataster", anyCaller).assertStatus(200).json();

        assertEquals(1, page.path("total").asLong(), page.toString());
        JsonNode app = page.path("items").get(0);
        assertEquals(SLUG, app.path("slug").asText(), app.toString());
        assertEquals(listingId, app.path("id").asText(), app.toString());
        assertEquals("Grünflächen Digital GmbH", app.path("vendorName").asText(), app.toString());
        assertFalse(page.toString().contains(BROKER_PASSWORD) || page.toString().contains(vendorBroker.baseUrl().toString()),
                "the catalogue shows the broker: " + page);
        JsonNode facets = page.path("facets");
        assertEquals(Map.of("GEO_INFORMATION", 1), nonZero(facets.path("categories")), facets.toString());
        assertEquals(Map.of("stackit:eu01", 1, "ionos:de-fra", 1), nonZero(facets.path("cloudTargets")), facets.toString());
        assertEquals(Map.of("FREE", 1, "MONTHLY_FLAT", 1), nonZero(facets.path("priceModels")), facets.toString());
        assertEquals(Map.of("hostedInGermany", 1, "gdprDpaAvailable", 1, "bitvAccessible", 1, "openSource", 1),
                nonZero(facets.path("compliance")), "bsiC5 is false: " + facets);

        // the filters narrow the same search
        assertEquals(1, gateway.get(MARKETPLACE + "/catalogue/apps?q=Baumkataster&cloudTarget=stackit:eu01&priceModel=MONTHLY_FLAT",
                anyCaller).assertStatus(200).json().path("total").asLong());
        assertEquals(0, gateway.get(MARKETPLACE + "/catalogue/apps?q=Baumkataster&bsiC5=true", anyCaller)
                .assertStatus(200).json().path("total").asLong());
        gateway.get(MARKETPLACE + "/catalogue/apps/" + SLUG, anyCaller).assertStatus(200);
    }

    /** The catalogue is public (DESIGN "Security"): the gateway lets anonymous searches through. */
    @Test
    @Order(7)
    @ReadOnlyStep
    void anonymousCallersFindItToo() {
        stepsBeforePassed();
        ApiResponse anonymous = gateway.get(MARKETPLACE + "/catalogue/apps?q=Baumkataster", null);

        anonymous.assertStatus(200);
        assertEquals(1, anonymous.json().path("total").asLong(), anonymous.toString());
        assertEquals(SLUG, anonymous.json().path("items").get(0).path("slug").asText(), anonymous.toString());
        gateway.get(MARKETPLACE + "/catalogue/apps/" + SLUG, null).assertStatus(200);
    }

    @Test
    @Order(8)
    void aMunicipalityAdminRegistersItsMunicipality() {
        stepsBeforePassed();
        String applicant = stack.tokenOf(APPLICANT_ADMIN);
        assertEquals(APPLICANT_MUNICIPALITY, Jwt.claims(applicant).path("municipality_id").asText());

        ApiResponse created = gateway.post(MEMBERSHIP + "/municipalities", applicant, Fixtures.applicantMunicipality())
                .assertStatus(201);

        assertEquals(APPLICANT_MUNICIPALITY, created.createdId(), "the municipality's id is the admin's municipality_id claim");
    }

    @Test
    @Order(9)
    void itAppliesForMembershipAndCannotOrderYet() {
        stepsBeforePassed();
        String applicant = stack.tokenOf(APPLICANT_ADMIN);
        ApiResponse applied = gateway.post(MEMBERSHIP + "/memberships", applicant,
                Fixtures.membershipApplication(APPLICANT_MUNICIPALITY)).assertStatus(201);

        membershipId = applied.createdId();
        assertEquals("APPLIED", applied.json().path("status").asText(), applied.toString());
        // an applicant is no member: membership is the legal basis of ordering without a tender
        gateway.post(MARKETPLACE + "/subscriptions", applicant, order()).assertStatus(403).assertProblem();
    }

    @Test
    @Order(10)
    void thePlatformAdminVerifiesAndAdmitsTheMunicipality() {
        stepsBeforePassed();
        String admin = stack.tokenOf(PLATFORM_ADMIN);
        // registered by its own admin, the municipality is unverified: no admission until the association checked it
        gateway.post(MEMBERSHIP + "/memberships/" + membershipId + "/admit", admin, null).assertStatus(409).assertProblem();
        ApiResponse verified = gateway.post(MEMBERSHIP + "/municipalities/" + APPLICANT_MUNICIPALITY + "/verify", admin, null)
                .assertStatus(200);
        assertEquals("VERIFIED", verified.json().path("verification").asText(), verified.toString());

        ApiResponse admitted = gateway.post(MEMBERSHIP + "/memberships/" + membershipId + "/admit", admin, null)
                .assertStatus(200);

        assertEquals("ACTIVE", admitted.json().path("status").asText(), admitted.toString());
        List<ConsumerRecord<String, String>> joined = kafka().readMatching("membership.events",
                r -> APPLICANT_MUNICIPALITY.equals(r.key()) && "de.govtech.membership.member-joined.v1".equals(type(r)),
                1, EVENTS_ARRIVE);
        assertEquals(1, joined.size(), "member-joined of the applicant on membership.events");
    }

    /** marketplace learns of the new member only from member-joined: ordering is refused until it has. */
    @Test
    @Order(11)
    void onceMarketplaceKnowsTheNewMemberItOrdersTheApp() {
        stepsBeforePassed();
        ApiResponse ordered = Await.until(
                () -> gateway.post(MARKETPLACE + "/subscriptions", stack.tokenOf(APPLICANT_ADMIN), order()),
                response -> response.status() != 403, EVENTS_ARRIVE);

        ordered.assertStatus(201);
        subscription = ordered.json();
        assertEquals(ordered.createdId(), subscription.path("id").asText(), ordered.toString());
        assertEquals(APPLICANT_MUNICIPALITY, subscription.path("municipalityId").asText(), ordered.toString());
        assertEquals(listingId, subscription.path("appId").asText(), ordered.toString());
        assertTrue(List.of("PROVISIONING", "PROVISIONED").contains(subscription.path("state").asText()), ordered.toString());
    }

    @Test
    @Order(12)
    void theSampleBrokerProvisionsIt() {
        stepsBeforePassed();
        String path = MARKETPLACE + "/subscriptions/" + subscription.path("id").asText();
        ApiResponse latest = Await.until(() -> gateway.get(path, stack.tokenOf(APPLICANT_ADMIN)),
                response -> response.status() != 200 || !"PROVISIONING".equals(response.json().path("state").asText()),
                PROVISIONING);

        latest.assertStatus(200);
        assertEquals("PROVISIONED", latest.json().path("state").asText(), latest.toString());
        String dashboard = latest.json().path("dashboardUrl").asText("");
        subscription = latest.json();
        // the vendor's broker has the instance behind that dashboard, asked with the listing's credentials
        List<BrokerInstance> instances = List.copyOf(vendorBroker.instances().values());
        assertEquals(1, instances.size(), "instances at the vendor's broker: " + instances);
        assertEquals(BrokerInstance.SUCCEEDED, instances.get(0).state(), instances.toString());
        assertEquals(instances.get(0).dashboardUrl(), dashboard, "the dashboard the broker reported: " + latest);
        String basicAuth = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (BROKER_USER + ":" + BROKER_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(vendorBroker.requests().stream().anyMatch(r -> r.method().equals("PUT")
                        && r.path().startsWith("/v2/service_instances/") && basicAuth.equals(r.header("authorization"))),
                "the provision request with the vendor's credentials: " + vendorBroker.requests());
    }

    @Test
    @Order(13)
    void appProvisionedIsPublishedOnMarketplaceEvents() throws Exception {
        stepsBeforePassed();
        String subscriptionId = subscription.path("id").asText();
        List<ConsumerRecord<String, String>> provisioned = kafka().readMatching("marketplace.events",
                r -> subscriptionId.equals(r.key()) && "de.govtech.marketplace.app-provisioned.v1".equals(type(r)),
                1, EVENTS_ARRIVE);

        assertEquals(1, provisioned.size(), "app-provisioned of subscription " + subscriptionId + " on marketplace.events");
        ConsumerRecord<String, String> event = provisioned.get(0);
        assertEquals(subscriptionId, KafkaTopicReader.header(event, "ce_subject"));
        JsonNode data = Gateway.JSON.readTree(event.value());
        assertEquals(subscriptionId, data.path("subscriptionId").asText(), event.value());
        assertEquals(listingId, data.path("appId").asText(), event.value());
        assertEquals(APPLICANT_MUNICIPALITY, data.path("municipalityId").asText(), event.value());
        assertEquals("stackit:eu01", data.path("cloudTarget").asText(), event.value());
        assertEquals(subscription.path("dashboardUrl").asText(), data.path("dashboardUrl").asText(), event.value());
    }

    /** The stack's own sample broker provisions the launcher's demo app for the new member too. */
    @Test
    @Order(14)
    void theNewMemberAlsoGetsTheDemoAppFromTheStacksSampleBroker() {
        stepsBeforePassed();
        String applicant = stack.tokenOf(APPLICANT_ADMIN);
        gateway.get(MARKETPLACE + "/catalogue/apps/" + DEMO_APP, applicant).assertStatus(200);
        String path = MARKETPLACE + "/subscriptions/" + gateway.post(MARKETPLACE + "/subscriptions", applicant,
                Map.of("appSlug", DEMO_APP, "plan", "Basis", "cloudTarget", "stackit:eu01")).assertStatus(201).createdId();

        ApiResponse latest = Await.until(() -> gateway.get(path, stack.tokenOf(APPLICANT_ADMIN)),
                response -> response.status() != 200 || !"PROVISIONING".equals(response.json().path("state").asText()),
                PROVISIONING);

        latest.assertStatus(200);
        assertEquals("PROVISIONED", latest.json().path("state").asText(), latest.toString());
        assertTrue(latest.json().path("dashboardUrl").asText("").startsWith(stack.sampleBrokerUrl()),
                "a dashboard of the stack's sample broker at " + stack.sampleBrokerUrl() + ": " + latest);
        JsonNode mine = gateway.get(MARKETPLACE + "/subscriptions", applicant).assertStatus(200).json();
        assertEquals(2, mine.path("total").asLong(), "the member's two subscriptions: " + mine);
    }

    private static Map<String, Object> order() {
        return Map.of("appSlug", SLUG, "plan", "Kommune", "cloudTarget", "stackit:eu01");
    }

    private KafkaTopicReader kafka() {
        return stack.kafka();
    }

    private void stepsBeforePassed() {
        assumeFalse(anEarlierStepFailed, "an earlier step of the journey failed");
    }

    private static String type(ConsumerRecord<String, String> record) {
        return KafkaTopicReader.header(record, "ce_type");
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").findValuesAsText("id");
    }

    /** A facet's counts without its zeros (the service may list every value). */
    private static Map<String, Integer> nonZero(JsonNode facet) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        facet.fields().forEachRemaining(e -> {
            if (e.getValue().asInt() != 0) {
                counts.put(e.getKey(), e.getValue().asInt());
            }
        });
        return counts;
    }

    /** A step that changes nothing: when it fails, the journey goes on. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
    @interface ReadOnlyStep {
    }
}
