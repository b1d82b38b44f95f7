package de.govtech.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import de.govtech.platform.testkit.KeycloakTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static de.govtech.systemtests.DevUsers.ESCHWEGE_ADMIN;
import static de.govtech.systemtests.DevUsers.HEILBRONN;
import static de.govtech.systemtests.DevUsers.HEILBRONN_ADMIN;
import static de.govtech.systemtests.DevUsers.PLATFORM_ADMIN;
import static de.govtech.systemtests.DevUsers.VENDOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the platform refuses, asked through the gateway of the running stack with real Keycloak tokens. Every
 * refusal has a control beside it: the same call that is accepted when only the one thing under test differs.
 */
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayRefusalsIT {

    private static final String MUNICIPALITIES = "/api/v1/membership/municipalities";
    private static final String DEMO_APP = "buergerservice-demo";
    /** A secured path of every route group: the gateway refuses before any service is asked. */
    private static final List<String> SECURED_PATHS = List.of(MUNICIPALITIES, "/api/v1/learning/courses",
            "/api/v1/solutions/solutions", "/api/v1/marketplace/vendors");

    private final PlatformStack stack;
    private final Gateway gateway;
    private String vendorId;
    private String demoListing;

    GatewayRefusalsIT(PlatformStack stack) {
        this.stack = stack;
        this.gateway = stack.gateway();
    }

    /** dev-vendor's vendor and its demo app, which the launcher registered and published (deploy/local README). */
    @BeforeAll
    void theLaunchersDemoApp() {
        gateway.get(MUNICIPALITIES, stack.tokenOf(PLATFORM_ADMIN)).assertStatus(200);
        String vendor = stack.tokenOf(VENDOR);
        vendorId = Jwt.claims(vendor).path("vendor_id").asText();
        JsonNode listings = gateway.get("/api/v1/marketplace/listings", vendor).assertStatus(200).json();
        demoListing = java.util.stream.StreamSupport.stream(listings.path("items").spliterator(), false)
                .filter(item -> DEMO_APP.equals(item.path("slug").asText()))
                .map(item -> item.path("id").asText()).findFirst()
                .orElseThrow(() -> new AssertionError("the launcher did not seed its demo app " + DEMO_APP
                        + " for dev-vendor (see its output and logs/marketplace-service.log): " + listings));
    }

    @Test
    void noTokenIs401WithABearerChallengeAndAProblem() {
        for (String path : SECURED_PATHS) {
            ApiResponse response = gateway.get(path, null).assertStatus(401).assertProblem();
            String challenge = response.header("WWW-Authenticate");
            assertTrue(challenge != null && challenge.startsWith("Bearer"), "no Bearer challenge: " + response);
        }
        gateway.post(MUNICIPALITIES, null, Map.of("name", "Anonym")).assertStatus(401).assertProblem();
    }

    @Test
    void aTokenSignedWithAnotherKeyIs401() {
        String genuine = stack.tokenOf(PLATFORM_ADMIN);
        String forged = Jwt.resignedWithForeignKey(genuine);
        assertEquals(Jwt.claims(genuine), Jwt.claims(forged), "the forgery carries the very same claims");
        assertEquals(Jwt.header(genuine), Jwt.header(forged), "and the same header (kid of the realm's key)");

        gateway.get(MUNICIPALITIES, genuine).assertStatus(200);
        assertRefusedAsUnauthenticated(gateway.get(MUNICIPALITIES, forged));
        assertRefusedAsUnauthenticated(gateway.post(MUNICIPALITIES, forged, Map.of("name", "Gefälscht")));
    }

    /**
     * A client of the realm whose access tokens live 5 s (long enough for the control call on a busy two-core machine,
     * short enough not to slow the suite): its fresh token passes the gateway, the same token after its expiry does not.
     */
    @Test
    void anExpiredTokenIs401() throws InterruptedException {
        KeycloakAdmin admin = new KeycloakAdmin(stack.keycloakUrl(), PlatformStack.REALM);
        KeycloakAdmin.ClientCredentials client = admin.createServiceClient("system-test-short-lived", Duration.ofSeconds(5), true);
        String token = admin.accessToken(client);
        JsonNode claims = Jwt.claims(token);
        assertTrue(audiences(claims).contains(KeycloakTokens.SERVICES_CLIENT), "precondition: the right audience " + claims);

        ApiResponse fresh = gateway.get("/api/v1/marketplace/vendors", token);
        assertTrue(Instant.now().isBefore(Jwt.expiresAt(token)), "the control call came too late to prove anything");
        assertNotEquals(401, fresh.status(), "a fresh token of the client must pass the gateway: " + fresh);

        Instant expiry = Jwt.expiresAt(token);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 1500);
        assertRefusedAsUnauthenticated(gateway.get("/api/v1/marketplace/vendors", token));
        assertRefusedAsUnauthenticated(gateway.get(MUNICIPALITIES, token));
    }

    /** A genuine token of the realm, but issued to a client whose tokens are not meant for the platform's services. */
    @Test
    void aTokenWithoutTheServicesAudienceIs401() {
        KeycloakAdmin admin = new KeycloakAdmin(stack.keycloakUrl(), PlatformStack.REALM);
        String withAudience = admin.accessToken(admin.createServiceClient("system-test-audience", Duration.ofMinutes(5), true));
        String withoutAudience = admin.accessToken(admin.createServiceClient("system-test-no-audience", Duration.ofMinutes(5), false));
        JsonNode claims = Jwt.claims(withoutAudience);
        assertEquals(stack.realmUrl(), claims.path("iss").asText(), "precondition: issued by the realm " + claims);
        assertFalse(audiences(claims).contains(KeycloakTokens.SERVICES_CLIENT), "precondition: no services audience " + claims);

        assertNotEquals(401, gateway.get(MUNICIPALITIES, withAudience).status(), "the control client's token passes");
        assertRefusedAsUnauthenticated(gateway.get(MUNICIPALITIES, withoutAudience));
        assertRefusedAsUnauthenticated(gateway.get("/api/v1/marketplace/vendors", withoutAudience));
    }

    /** Eschwege's admin on Heilbronn's data: refused (403, or 404 where existence is not disclosed), nothing changed. */
    @Test
    @Order(2)
    void aMunicipalityAdminCannotTouchAnotherMunicipality() {
        String eschwege = stack.tokenOf(ESCHWEGE_ADMIN);
        String heilbronn = stack.tokenOf(HEILBRONN_ADMIN);
        String admin = stack.tokenOf(PLATFORM_ADMIN);
        String heilbronnMunicipality = MUNICIPALITIES + "/" + HEILBRONN;
        JsonNode masterData = gateway.get(heilbronnMunicipality, heilbronn).assertStatus(200).json();
        String membership = heilbronnsMembership(admin);

        gateway.get(heilbronnMunicipality, eschwege).assertStatusIn(403, 404).assertProblem();
        gateway.put(heilbronnMunicipality, eschwege, asRequest(masterData)).assertStatusIn(403, 404).assertProblem();
        gateway.get("/api/v1/membership/memberships/" + membership, eschwege).assertStatusIn(403, 404).assertProblem();
        gateway.get("/api/v1/membership/memberships/" + membership + "/history", eschwege).assertStatusIn(403, 404).assertProblem();
        gateway.post("/api/v1/membership/memberships/" + membership + "/give-notice", eschwege, Map.of("reason", "fremd"))
                .assertStatusIn(403, 404).assertProblem();
        assertNothingListed(gateway.get("/api/v1/membership/memberships?municipalityId=" + HEILBRONN, eschwege));

        // the controls: Heilbronn's own admin reads it, and nothing was changed
        gateway.get("/api/v1/membership/memberships/" + membership, heilbronn).assertStatus(200);
        assertEquals("ACTIVE", gateway.get("/api/v1/membership/memberships/" + membership, admin).json().path("status").asText());
        assertEquals(masterData, gateway.get(heilbronnMunicipality, heilbronn).json());
    }

    /** A vendor user on what only platform admins may do: verify a vendor, publish a listing, admit a member. */
    @Test
    @Order(1)
    void aVendorIsRefusedOnAdminEndpoints() {
        String vendor = stack.tokenOf(VENDOR);
        String admin = stack.tokenOf(PLATFORM_ADMIN);
        String membership = heilbronnsMembership(admin);
        gateway.post("/api/v1/marketplace/vendors/" + vendorId + "/verify", vendor, null).assertStatus(403).assertProblem();
        gateway.post("/api/v1/marketplace/listings/" + demoListing + "/publish", vendor, null).assertStatus(403).assertProblem();
        gateway.post("/api/v1/marketplace/listings/" + demoListing + "/reject", vendor, Map.of("reason", "selbst"))
                .assertStatus(403).assertProblem();
        gateway.get("/api/v1/marketplace/vendors", vendor).assertStatus(403).assertProblem();
        gateway.post("/api/v1/membership/memberships/" + membership + "/admit", vendor, null).assertStatus(403).assertProblem();
        gateway.post("/api/v1/membership/memberships/" + membership + "/suspend", vendor, Map.of("reason", "Test"))
                .assertStatus(403).assertProblem();

        // the controls: the same calls of a platform admin reach the rules (already verified / published / active)
        gateway.post("/api/v1/marketplace/vendors/" + vendorId + "/verify", admin, null).assertStatus(409).assertProblem();
        gateway.post("/api/v1/membership/memberships/" + membership + "/admit", admin, null).assertStatus(409).assertProblem();
        assertEquals("ACTIVE", gateway.get("/api/v1/membership/memberships/" + membership, admin).json().path("status").asText());
        assertEquals("PUBLISHED", gateway.get("/api/v1/marketplace/listings/" + demoListing, admin).json().path("status").asText());
    }

    /** Heilbronn's fee invoices (from the yearly assessment) are not Eschwege's to read. */
    @Test
    @Order(3)
    void aMunicipalityAdminCannotReadAnotherMunicipalitysInvoices() {
        String admin = stack.tokenOf(PLATFORM_ADMIN);
        int year = java.time.Year.now(java.time.ZoneId.of("Europe/Berlin")).getValue();
        gateway.post("/api/v1/membership/fees/assessments/" + year, admin, null).assertStatusIn(200, 201);
        JsonNode invoices = gateway.get("/api/v1/membership/fees/invoices?municipalityId=" + HEILBRONN, admin).assertStatus(200).json();
        assertTrue(invoices.path("total").asLong() >= 1, "Heilbronn, a founding member, is invoiced for " + year + ": " + invoices);
        String invoice = "/api/v1/membership/fees/invoices/" + invoices.path("items").get(0).path("id").asText();

        String eschwege = stack.tokenOf(ESCHWEGE_ADMIN);
        gateway.get(invoice, eschwege).assertStatusIn(403, 404).assertProblem();
        assertNothingListed(gateway.get("/api/v1/membership/fees/invoices?municipalityId=" + HEILBRONN, eschwege));
        JsonNode own = gateway.get("/api/v1/membership/fees/invoices", eschwege).assertStatus(200).json();
        assertFalse(own.path("items").findValuesAsText("municipalityId").contains(HEILBRONN), own.toString());

        gateway.get(invoice, stack.tokenOf(HEILBRONN_ADMIN)).assertStatus(200);
    }

    /** Heilbronn orders the demo app; Eschwege can neither see nor end that subscription. */
    @Test
    @Order(4)
    void aMunicipalityAdminCannotSeeOrEndAnotherMunicipalitysSubscription() {
        String heilbronn = stack.tokenOf(HEILBRONN_ADMIN);
        String subscription = "/api/v1/marketplace/subscriptions/" + gateway.post("/api/v1/marketplace/subscriptions", heilbronn,
                Map.of("appSlug", DEMO_APP, "plan", "Premium", "cloudTarget", "ionos:de-fra")).assertStatus(201).createdId();

        String eschwege = stack.tokenOf(ESCHWEGE_ADMIN);
        gateway.get(subscription, eschwege).assertStatusIn(403, 404).assertProblem();
        gateway.send("DELETE", subscription, eschwege, null).assertStatusIn(403, 404).assertProblem();
        JsonNode listed = gateway.get("/api/v1/marketplace/subscriptions", eschwege).assertStatus(200).json();
        assertFalse(listed.path("items").findValuesAsText("municipalityId").contains(HEILBRONN), listed.toString());

        JsonNode seenByHeilbronn = gateway.get(subscription, heilbronn).assertStatus(200).json();
        assertFalse(seenByHeilbronn.path("deprovisionRequestedAt").isTextual(), "Eschwege's DELETE changed it: " + seenByHeilbronn);
    }

    private String heilbronnsMembership(String adminToken) {
        JsonNode page = gateway.get("/api/v1/membership/memberships?municipalityId=" + HEILBRONN, adminToken)
                .assertStatus(200).json();
        assertEquals(1, page.path("total").asLong(), "Heilbronn's founding membership: " + page);
        return page.path("items").get(0).path("id").asText();
    }

    /** Filtering a list by another organisation: refused, or an empty page. */
    private static void assertNothingListed(ApiResponse list) {
        if (list.status() == 200) {
            assertEquals(0, list.json().path("total").asLong(), "another municipality's items listed: " + list);
        } else {
            list.assertStatusIn(403, 404).assertProblem();
        }
    }

    private static void assertRefusedAsUnauthenticated(ApiResponse response) {
        response.assertStatus(401).assertProblem();
        String challenge = response.header("WWW-Authenticate");
        assertTrue(challenge != null && challenge.startsWith("Bearer"), "no Bearer challenge: " + response);
    }

    private static List<String> audiences(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        if (aud.isArray()) {
            return java.util.stream.StreamSupport.stream(aud.spliterator(), false).map(JsonNode::asText).toList();
        }
        return aud.isMissingNode() ? List.of() : List.of(aud.asText());
    }
    /** The writable part of a municipality as read (a request with read-only fields such as id is refused with 400). */
    private static Map<String, Object> asRequest(JsonNode municipality) {
        Map<String, Object> request = new java.util.LinkedHashMap<>();
        for (String field : List.of("name", "type", "land", "population", "populationAsOf", "officialKey", "ars")) {
            if (municipality.hasNonNull(field)) {
                request.put(field, Gateway.JSON.convertValue(municipality.get(field), Object.class));
            }
        }
        List<Map<String, Object>> contacts = new java.util.ArrayList<>();
        for (JsonNode contact : municipality.path("contacts")) {
            Map<String, Object> entry = new java.util.LinkedHashMap<>();
            for (String field : List.of("name", "function", "email")) {
                if (contact.hasNonNull(field)) {
                    entry.put(field, contact.get(field).asText());
                }
            }
            contacts.add(entry);
        }
        request.put("contacts", contacts);
        return request;
    }
}
