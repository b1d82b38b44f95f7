package de.govtech.membership.municipalities;

import de.govtech.membership.Database;
import de.govtech.membership.TestData;
import de.govtech.platform.events.membership.MunicipalityRejected;
import de.govtech.platform.events.membership.MunicipalityVerified;
import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.KafkaTopicReader;
import de.govtech.platform.testkit.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A municipality registered by its own admin is UNVERIFIED; platform admins verify it or, on a key collision,
 * reject it and so free the official key for the real municipality. Every refusal. Each decision is an event on
 * membership.events (municipality-verified, municipality-rejected), written with the decision through the outbox.
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

    @Test
    @Order(6)
    void eachDecisionIsOneEventOnTheTopic() {
        KafkaTopicReader reader = KafkaTopicReader.fromTestBroker();
        List<ConsumerRecord<String, String>> rejected = reader.readMatching("membership.events",
                r -> SQUATTER.equals(r.key()) && MunicipalityRejected.TYPE.equals(KafkaTopicReader.header(r, "ce_type")),
                1, Duration.ofSeconds(30));
        assertEquals(1, rejected.size());
        assertEquals(SQUATTER, KafkaTopicReader.header(rejected.get(0), "ce_subject"));
        JsonPath rejection = new JsonPath(rejected.get(0).value());
        assertEquals(SQUATTER, rejection.getString("municipalityId"));
        assertEquals(CONTESTED_KEY, rejection.getString("officialKey"));
        assertEquals("Gemeinde Echtheim", rejection.getString("name"));
        assertEquals("Der Schlüssel gehört der Gemeinde Echtheim", rejection.getString("reason"));
        assertNotNull(rejection.getString("rejectedAt"));

        List<ConsumerRecord<String, String>> verified = reader.readMatching("membership.events",
                r -> HONEST.equals(r.key()) && MunicipalityVerified.TYPE.equals(KafkaTopicReader.header(r, "ce_type")),
                1, Duration.ofSeconds(30));
        assertEquals(1, verified.size());
        JsonPath verification = new JsonPath(verified.get(0).value());
        assertEquals("08999553", verification.getString("officialKey"));
        assertEquals("Gemeinde Ehrlich", verification.getString("name"));
        assertNotNull(verification.getString("verifiedAt"));

        // verified twice, rejected once and refused twice: still one event each, and none for the refused decisions
        assertEquals(1, reader.readMatching("membership.events", r -> HONEST.equals(r.key())
                && MunicipalityVerified.TYPE.equals(KafkaTopicReader.header(r, "ce_type")), 2, Duration.ofSeconds(3)).size());
        assertEquals(List.of(MunicipalityRejected.TYPE), reader.readMatching("membership.events", r -> SQUATTER.equals(r.key())
                        && !KafkaTopicReader.header(r, "ce_type").contains("municipality-updated"), 2, Duration.ofSeconds(3))
                .stream().map(r -> KafkaTopicReader.header(r, "ce_type")).toList());
    }
}
