package de.govtech.membership.municipalities;

import de.govtech.membership.Database;
import de.govtech.membership.TestData;
import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A municipality registered by its own admin is UNVERIFIED; platform admins verify it or, on a key collision,
 * reject it and so free the official key for the real municipality. Every refusal.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "membership"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MunicipalityVerificationTest {

    private static final String API = "/api/v1/membership";
    private static final String PATH = API + "/municipalities";
    /** An account that registers the key of a town that is not its own. */
    private static final String SQUATTER = "9a000000-0000-4000-8000-00000000009a";
    /** An account that registers its own town honestly. */
    private static final String HONEST = "9b000000-0000-4000-8000-00000000009b";
    private static final String CONTESTED_KEY = "08999551";
    private static final String REJECTED = "https://govtech-kommunal.de/problems/municipality-rejected";
    private static final String DECIDED = "https://govtech-kommunal.de/problems/municipality-verification-decided";

    @Inject
    DataSource dataSource;

    @Test
    @Order(1)
    @TestSecurity(user = "admin-squatter", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = SQUATTER))
    void aMunicipalityAdminsRegistrationIsUnverifiedAndTheyCannotVerifyIt() {
        given().contentType(ContentType.JSON).body(TestData.gemeinde("Gemeinde Echtheim", CONTESTED_KEY)).when().post(PATH)
                .then().statusCode(201).body("verification", equalTo("UNVERIFIED")).body("rejectionReason", nullValue());
        given().when().post(PATH + "/" + SQUATTER + "/verify").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).when().post(PATH + "/" + SQUATTER + "/reject")
                .then().statusCode(403);
        given().when().get(PATH + "/" + SQUATTER).then().statusCode(200).body("verification", equalTo("UNVERIFIED"));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void rejectingTheSquatterFreesTheKeyForTheRealMunicipality() {
        given().contentType(ContentType.JSON).body(TestData.gemeinde("Gemeinde Echtheim", CONTESTED_KEY)).when().post(PATH)
                .then().statusCode(409).body("type", equalTo("https://govtech-kommunal.de/problems/duplicate-official-key"));

        given().queryParam("verification", "UNVERIFIED").queryParam("size", 100).when().get(PATH).then().statusCode(200)
                .body("items.id", hasItem(SQUATTER)).body("items.verification", everyItem(equalTo("UNVERIFIED")));
        given().queryParam("verification", "maybe").when().get(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("verification"));
        given().contentType(ContentType.JSON).body(Map.of()).when().post(PATH + "/" + SQUATTER + "/reject")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).when().post(PATH + "/" + UUID.randomUUID() + "/reject")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().post(PATH + "/" + UUID.randomUUID() + "/verify").then().statusCode(404);

        given().contentType(ContentType.JSON).body(Map.of("reason", "Der Schlüssel gehört der Gemeinde Echtheim"))
                .when().post(PATH + "/" + SQUATTER + "/reject").then().statusCode(200)
                .body("verification", equalTo("REJECTED")).body("rejectionReason", equalTo("Der Schlüssel gehört der Gemeinde Echtheim"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "noch einmal")).when().post(PATH + "/" + SQUATTER + "/reject")
                .then().statusCode(409).body("type", equalTo(DECIDED));
        given().when().post(PATH + "/" + SQUATTER + "/verify").then().statusCode(409).body("type", equalTo(DECIDED));
        given().queryParam("verification", "UNVERIFIED").queryParam("size", 100).when().get(PATH).then().statusCode(200)
                .body("items.id", not(hasItem(SQUATTER)));

        String real = OfficialKeys.municipalityId(CONTESTED_KEY).toString();
        given().contentType(ContentType.JSON).body(TestData.gemeinde("Gemeinde Echtheim", CONTESTED_KEY)).when().post(PATH)
                .then().statusCode(201).body("id", equalTo(real)).body("verification", equalTo("VERIFIED"));
        assertEquals(2, Database.count(dataSource, "select count(*) from municipality where official_key = ?", CONTESTED_KEY));
        given().contentType(ContentType.JSON).body(TestData.gemeinde("Gemeinde Echtheim", CONTESTED_KEY)).when().post(PATH)
                .then().statusCode(409);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "admin-squatter", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = SQUATTER))
    void aRejectedMunicipalityCannotApplyNorChangeItsData() {
        long memberships = Database.count(dataSource, "select count(*) from membership where municipality_id = ?::uuid", SQUATTER);
        given().contentType(ContentType.JSON).body(Map.of("municipalityId", SQUATTER, "statutesVersion", "2025-12-12"))
                .when().post(API + "/memberships").then().statusCode(409).body("type", equalTo(REJECTED));
        given().contentType(ContentType.JSON).body(TestData.gemeinde("Gemeinde Echtheim", "08999552")).when().put(PATH + "/" + SQUATTER)
                .then().statusCode(409).body("type", equalTo(REJECTED));
        assertEquals(memberships, Database.count(dataSource, "select count(*) from membership where municipality_id = ?::uuid", SQUATTER));
        given().when().get(PATH + "/" + SQUATTER).then().statusCode(200).body("officialKey", equalTo(CONTESTED_KEY));
    }

    @Test
    @Order(4)
    @TestSecurity(user = "admin-honest", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = HONEST))
    void anHonestMunicipalityRegistersUnverifiedAndMayApply() {
        given().contentType(ContentType.JSON).body(TestData.gemeinde("Gemeinde Ehrlich", "08999553")).when().post(PATH)
                .then().statusCode(201).body("verification", equalTo("UNVERIFIED"));
        given().contentType(ContentType.JSON).body(Map.of("municipalityId", HONEST, "statutesVersion", "2025-12-12"))
                .when().post(API + "/memberships").then().statusCode(201).body("status", equalTo("APPLIED"));
    }

    @Test
    @Order(5)
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void platformAdminVerifiesAndVerifyingAgainChangesNothing() {
        given().when().post(PATH + "/" + HONEST + "/verify").then().statusCode(200).body("verification", equalTo("VERIFIED"));
        given().when().post(PATH + "/" + HONEST + "/verify").then().statusCode(200).body("verification", equalTo("VERIFIED"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "zu spät")).when().post(PATH + "/" + HONEST + "/reject")
                .then().statusCode(409).body("type", equalTo(DECIDED));
        assertEquals(1, Database.count(dataSource, "select count(*) from municipality where id = ?::uuid and verification = 'VERIFIED'"
                + " and verification_decided_by = 'platform-admin-1'", HONEST));
    }

    @Test
    void anonymousCallersAreUnauthorized() {
        given().when().post(PATH + "/" + HONEST + "/verify").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).when().post(PATH + "/" + HONEST + "/reject")
                .then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "staff-heilbronn", roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = TestData.HEILBRONN))
    void staffAndVendorsMayNeitherVerifyNorReject() {
        given().when().post(PATH + "/" + TestData.HEILBRONN + "/verify").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).when().post(PATH + "/" + TestData.HEILBRONN + "/reject")
                .then().statusCode(403);
        given().when().get(PATH + "/" + TestData.HEILBRONN).then().statusCode(200).body("verification", equalTo("VERIFIED"));
    }
}
