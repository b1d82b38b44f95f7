package de.govtech.marketplace.vendors;

import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import de.govtech.marketplace.TestVendors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class VendorResourceTest {

    static final String BASE = "/api/v1/marketplace/vendors";
    static final String NEW_VENDOR = "6a1c0a52-0c1e-4a39-9d51-000000000001";
    static final String TWICE_VENDOR = "6a1c0a52-0c1e-4a39-9d51-000000000002";
    static final String INVALID_VENDOR = "6a1c0a52-0c1e-4a39-9d51-000000000003";
    static final String SEEDED_A = "6a1c0a52-0c1e-4a39-9d51-00000000000a";
    static final String SEEDED_B = "6a1c0a52-0c1e-4a39-9d51-00000000000b";
    static final String PENDING = "6a1c0a52-0c1e-4a39-9d51-00000000000c";

    @BeforeEach
    void seed() {
        TestVendors.ensure(SEEDED_A, "Anbieter A", false);
        TestVendors.ensure(SEEDED_B, "Anbieter B", false);
        TestVendors.ensure(PENDING, "Anbieter Wartend", false);
    }

    static String registration(String vatId) {
        return """
                {"name": "Kommunal Digital GmbH", "legalForm": "GmbH",
                 "address": {"street": "Marktplatz 1", "postalCode": "74072", "city": "Heilbronn", "country": "DE"},
                 "contactEmail": "vertrieb@kommunal-digital.example", "vatId": "%s"}""".formatted(vatId);
    }

    @Test
    @TestSecurity(user = "vera.vendor", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = NEW_VENDOR))
    void aVendorUserRegistersItsVendorAsPendingAndSeesIt() {
        given().contentType(ContentType.JSON).body(registration("DE811111111"))
                .when().post(BASE)
                .then().statusCode(201)
                .header("Location", endsWith("/vendors/" + NEW_VENDOR))
                .body("id", equalTo(NEW_VENDOR))
                .body("status", equalTo("PENDING"))
                .body("address.postalCode", equalTo("74072"));

        given().when().get(BASE + "/" + NEW_VENDOR)
                .then().statusCode(200)
                .body("name", equalTo("Kommunal Digital GmbH"))
                .body("vatId", equalTo("DE811111111"));
    }

    @Test
    @TestSecurity(user = "twice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = TWICE_VENDOR))
    void registeringTheSameVendorTwiceOrAnotherVendorsVatIdIsAConflict() {
        given().contentType(ContentType.JSON).body(registration("DE822222222")).post(BASE).then().statusCode(201);
        given().contentType(ContentType.JSON).body(registration("DE822222222")).post(BASE)
                .then().statusCode(409).body("type", endsWith("/vendor-already-registered"));
    }

    @Test
    @TestSecurity(user = "taken", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = INVALID_VENDOR))
    void anotherVendorsVatIdIsAConflictNamingTheField() {
        String taken = TestVendors.vatIdFor(UUID.fromString(SEEDED_A));
        given().contentType(ContentType.JSON).body(registration(taken)).post(BASE)
                .then().statusCode(409).body("type", endsWith("/vat-id-taken")).body("errors[0].field", equalTo("vatId"));
        assertEquals(null, vendor(INVALID_VENDOR));
    }

    @Test
    @TestSecurity(user = "invalid", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = INVALID_VENDOR))
    void malformedRegistrationsAreRefusedNamingTheFieldAndNothingIsWritten() {
        given().contentType(ContentType.JSON).body(registration("DE12345")).post(BASE)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("vatId"));
        given().contentType(ContentType.JSON).body(registration("DE811111119").replace("\"74072\"", "\"7407\"")).post(BASE)
                .then().statusCode(400).body("errors.field", hasItem("address.postalCode"));
        given().contentType(ContentType.JSON).body(registration("DE811111119").replace("vertrieb@", "vertrieb-at-")).post(BASE)
                .then().statusCode(400).body("errors.field", hasItem("contactEmail"));
        given().contentType(ContentType.JSON).body("{\"name\": ").post(BASE)
                .then().statusCode(400);
        assertEquals(null, vendor(INVALID_VENDOR));
    }

    @Test
    @TestSecurity(user = "vendor-b", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = SEEDED_B))
    void aVendorCannotSeeAnotherVendor() {
        given().get(BASE + "/" + SEEDED_B).then().statusCode(200);
        given().get(BASE + "/" + SEEDED_A).then().statusCode(404).body("type", endsWith("/not-found"));
    }

    @Test
    @TestSecurity(user = "vendor-b", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = SEEDED_B))
    void aVendorUserNeitherListsNorVerifiesVendors() {
        given().get(BASE).then().statusCode(403).body("type", endsWith("/forbidden"));
        given().post(BASE + "/" + SEEDED_B + "/verify").then().statusCode(403);
        assertEquals(VendorStatus.PENDING, vendor(SEEDED_B).status);
    }

    @Test
    @TestSecurity(user = "vendor-without-claim", roles = "vendor")
    void aVendorUserWithoutVendorIdClaimCannotRegister() {
        given().contentType(ContentType.JSON).body(registration("DE833333333")).post(BASE)
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "mia.muni", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = "f4ec1f01-9f1c-3d34-ba99-332841cb7bcd"))
    void aMunicipalityAdminCannotRegisterSeeListOrVerifyVendors() {
        given().contentType(ContentType.JSON).body(registration("DE844444444")).post(BASE).then().statusCode(403);
        given().get(BASE + "/" + SEEDED_A).then().statusCode(403);
        given().get(BASE).then().statusCode(403);
        given().post(BASE + "/" + PENDING + "/verify").then().statusCode(403);
    }

    @Test
    void anonymousCallersAreUnauthorized() {
        given().contentType(ContentType.JSON).body(registration("DE855555555")).post(BASE)
                .then().statusCode(401).contentType("application/problem+json");
        given().get(BASE).then().statusCode(401);
        given().get(BASE + "/" + SEEDED_A).then().statusCode(401);
        given().post(BASE + "/" + PENDING + "/verify").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "paula.platform", roles = "platform-admin")
    void aPlatformAdminListsSeesAndVerifiesVendors() {
        given().queryParam("status", "PENDING").queryParam("size", 100).get(BASE)
                .then().statusCode(200)
                .body("items.id", hasItem(PENDING))
                .body("total", notNullValue())
                .body("size", equalTo(100));
        given().get(BASE + "/" + SEEDED_A).then().statusCode(200).body("name", equalTo("Anbieter A"));

        given().post(BASE + "/" + PENDING + "/verify")
                .then().statusCode(200)
                .body("status", equalTo("VERIFIED"))
                .body("verifiedBy", equalTo("paula.platform"))
                .body("verifiedAt", notNullValue());
        given().post(BASE + "/" + PENDING + "/verify")
                .then().statusCode(409).body("type", endsWith("/vendor-already-verified"));
        given().post(BASE + "/" + UUID.randomUUID() + "/verify").then().statusCode(404);
        given().queryParam("size", 0).get(BASE).then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    private static Vendor vendor(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Vendor.<Vendor>findById(UUID.fromString(id)));
    }
}
