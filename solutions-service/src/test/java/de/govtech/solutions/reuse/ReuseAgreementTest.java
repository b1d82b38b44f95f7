package de.govtech.solutions.reuse;

import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import de.govtech.solutions.AsPlatformAdmin;
import de.govtech.solutions.Database;
import de.govtech.solutions.TestEvents;
import de.govtech.solutions.TestMembers;
import de.govtech.platform.events.membership.MemberJoined;
import de.govtech.platform.events.membership.MunicipalityType;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Nachnutzung from the request to the agreement: who may ask, see and decide (each refusal tested), the exact cost
 * split shown per municipality, the reuse-agreed event, and refusals that write nothing.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "solutions"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReuseAgreementTest {

    static final String BASE = "/api/v1/solutions";
    static final String REQUESTER = "b2a60000-0000-4000-8000-00000000000a";
    static final String PARTNER = "b2a60000-0000-4000-8000-00000000000b";
    static final String WITHOUT_POPULATION = "b2a60000-0000-4000-8000-00000000000c";
    static final String BYSTANDER = "b2a60000-0000-4000-8000-00000000000d";
    static final String OUTSIDER = "b2a60000-0000-4000-8000-0000000000ee";

    static String solution;
    static String draft;
    static String request;
    static String partnersRequest;
    static String agreement;

    @Inject
    DataSource dataSource;

    @Test
    @Order(1)
    void setUp() {
        TestMembers.join(REQUESTER, "Stadt Nachnutzung", 30_000);
        TestMembers.join(PARTNER, "Gemeinde Partner", 10_000);
        TestMembers.join(BYSTANDER, "Gemeinde Zuschauer", 5_000);
        TestMembers.send(new MemberJoined(UUID.fromString(WITHOUT_POPULATION), "08125039", null, "Gemeinde Ohne Zahl",
                MunicipalityType.GEMEINDE, "08", null, false, LocalDate.of(2026, 1, 1)));
        org.awaitility.Awaitility.await().atMost(TestMembers.WAIT).until(() -> TestMembers.member(WITHOUT_POPULATION) != null);
        solution = AsPlatformAdmin.released("Nachnutzbare Lösung", "Personal", null, "EUPL-1.2");
        draft = AsPlatformAdmin.propose("Noch nicht freigegeben");
    }

    @Test
    @Order(2)
    @TestSecurity(user = "admin.nachnutzung", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = REQUESTER))
    void aMembersAdminAsksOnceForAReleasedSolution() {
        request = given().contentType(ContentType.JSON).body("{\"message\": \"Ab Q2 im Personalamt\"}")
                .post(BASE + "/solutions/" + solution + "/reuse-requests").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.matchesPattern(".*/api/v1/solutions/reuse-requests/[0-9a-f-]{36}"))
                .body("status", equalTo("REQUESTED")).body("municipalityId", equalTo(REQUESTER))
                .extract().path("id");
        given().contentType(ContentType.JSON).body("{}").post(BASE + "/solutions/" + solution + "/reuse-requests")
                .then().statusCode(409).body("type", endsWith("/reuse-request-open"));
        given().contentType(ContentType.JSON).body("{}").post(BASE + "/solutions/" + draft + "/reuse-requests")
                .then().statusCode(409);
        given().contentType(ContentType.JSON).body("{}").post(BASE + "/solutions/" + UUID.randomUUID() + "/reuse-requests")
                .then().statusCode(404);
        given().get(BASE + "/reuse-requests/" + request).then().statusCode(200).body("message", equalTo("Ab Q2 im Personalamt"));
        given().get(BASE + "/solutions/" + solution + "/reuse-requests").then().statusCode(200)
                .body("items.id", equalTo(List.of(request)));
        given().contentType(ContentType.JSON).body("{\"terms\": \"x\", \"startDate\": \"2027-01-01\"}")
                .post(BASE + "/reuse-requests/" + request + "/accept").then().statusCode(403);
        assertEquals(1, requestsOf(REQUESTER));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "admin.partner", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = PARTNER))
    void anotherMunicipalitySeesOnlyItsOwnRequests() {
        given().get(BASE + "/reuse-requests/" + request).then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"reason\": \"x\"}").post(BASE + "/reuse-requests/" + request + "/decline")
                .then().statusCode(403);
        partnersRequest = given().contentType(ContentType.JSON).body("{}").post(BASE + "/solutions/" + solution + "/reuse-requests")
                .then().statusCode(201).extract().path("id");
        given().get(BASE + "/solutions/" + solution + "/reuse-requests").then().statusCode(200)
                .body("items.id", equalTo(List.of(partnersRequest)));
    }

    @Test
    @Order(4)
    @TestSecurity(user = "mitarbeiter", roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = BYSTANDER))
    void staffMayNotAsk() {
        given().contentType(ContentType.JSON).body("{}").post(BASE + "/solutions/" + solution + "/reuse-requests").then().statusCode(403);
        assertEquals(0, requestsOf(BYSTANDER));
    }

    @Test
    @Order(4)
    @TestSecurity(user = "admin.fremd", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = OUTSIDER))
    void aNonMemberMayNotAsk() {
        given().contentType(ContentType.JSON).body("{}").post(BASE + "/solutions/" + solution + "/reuse-requests").then().statusCode(403);
        assertEquals(0, requestsOf(OUTSIDER));
    }

    @Test
    @Order(4)
    @TestSecurity(user = "anbieter", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = "7b2d0b63-1d2f-4b4a-8e62-0000000000ff"))
    void aVendorMayNeitherAskNorSeeRequestsOrAgreements() {
        given().contentType(ContentType.JSON).body("{}").post(BASE + "/solutions/" + solution + "/reuse-requests").then().statusCode(403);
        given().get(BASE + "/reuse-requests/" + request).then().statusCode(403);
        given().get(BASE + "/reuse-agreements").then().statusCode(403);
    }

    @Test
    @Order(4)
    void anonymousCallersGet401() {
        given().contentType(ContentType.JSON).body("{}").post(BASE + "/solutions/" + solution + "/reuse-requests").then().statusCode(401);
        given().get(BASE + "/reuse-requests/" + request).then().statusCode(401);
        given().get(BASE + "/reuse-agreements").then().statusCode(401);
    }

    @Test
    @Order(5)
    @TestSecurity(user = "plattform", roles = "platform-admin")
    void badAcceptancesAreRefusedAndWriteNothing() {
        String url = BASE + "/reuse-requests/" + request + "/accept";
        given().contentType(ContentType.JSON).body("""
                {"terms": "Bedingungen", "startDate": "2027-04-01", "participatingMunicipalityIds": ["%s", "%s"]}"""
                .formatted(PARTNER, OUTSIDER)).post(url).then().statusCode(422)
                .body("errors.field", equalTo(List.of("participatingMunicipalityIds[1]")));
        given().contentType(ContentType.JSON).body("""
                {"terms": "Bedingungen", "startDate": "2027-04-01", "participatingMunicipalityIds": ["%s"],
                 "costSharing": {"method": "POPULATION", "developmentCostCents": 100, "operatingCostCents": 0}}"""
                .formatted(WITHOUT_POPULATION)).post(url).then().statusCode(422)
                .body("errors.field", equalTo(List.of("costSharing.method")));
        given().contentType(ContentType.JSON).body("""
                {"terms": " ", "startDate": "1. April", "costSharing": {"method": "QUOTA", "developmentCostCents": -1}}""")
                .post(url).then().statusCode(400);
        given().contentType(ContentType.JSON).body("""
                {"terms": " ", "costSharing": {"method": "EQUAL", "developmentCostCents": -1}}""")
                .post(url).then().statusCode(400).body("errors.field", hasItem("costSharing.developmentCostCents"))
                .body("errors.field", hasItem("startDate")).body("errors.field", hasItem("terms"));
        given().get(BASE + "/reuse-requests/" + request).then().body("status", equalTo("REQUESTED"));
        assertEquals(0, Database.count(dataSource, "select count(*) from reuse_agreement where request_id = ?", UUID.fromString(request)));
    }

    @Test
    @Order(6)
    @TestSecurity(user = "plattform", roles = "platform-admin")
    void acceptingConcludesTheAgreementWithExactSharesPerMunicipality() {
        JsonPath concluded = given().contentType(ContentType.JSON).body("""
                {"terms": "Nachnutzung gemäß EUPL-1.2; Betrieb durch den Verein", "startDate": "2027-04-01",
                 "participatingMunicipalityIds": ["%s", "%s"],
                 "costSharing": {"method": "POPULATION", "developmentCostCents": 100001, "operatingCostCents": 2}}"""
                .formatted(PARTNER, REQUESTER)).post(BASE + "/reuse-requests/" + request + "/accept").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/solutions/reuse-agreements/"))
                .extract().jsonPath();
        agreement = concluded.getString("id");
        assertEquals(List.of(REQUESTER, PARTNER), concluded.getList("participants.municipalityId"));
        assertEquals(List.of("Stadt Nachnutzung", "Gemeinde Partner"), concluded.getList("participants.name"));
        // 100 001 by 30 000 : 10 000 → 75 000.75 and 25 000.25: the leftover cent goes to the larger fraction
        assertEquals(List.of(75_001, 25_000), concluded.getList("participants.developmentShareCents"));
        // 2 cents → 1.5 and 0.5: equal fractions, so the lower municipality id gets the cent
        assertEquals(List.of(2, 0), concluded.getList("participants.operatingShareCents"));
        assertEquals("POPULATION", concluded.getString("costSharing.method"));
        assertEquals("2027-04-01", concluded.getString("startDate"));

        given().get(BASE + "/reuse-requests/" + request).then().body("status", equalTo("ACCEPTED")).body("agreementId", equalTo(agreement));
        given().contentType(ContentType.JSON).body("{\"terms\": \"x\", \"startDate\": \"2027-01-01\"}")
                .post(BASE + "/reuse-requests/" + request + "/accept").then().statusCode(409);
        given().contentType(ContentType.JSON).body("{\"reason\": \"zu spät\"}").post(BASE + "/reuse-requests/" + request + "/decline")
                .then().statusCode(409);

        JsonPath event = TestEvents.of("reuse-agreed", agreement, 1).get(0);
        assertEquals(solution, event.getString("solutionId"));
        assertEquals(REQUESTER, event.getString("municipalityId"));
        assertEquals(List.of(REQUESTER, PARTNER), event.getList("participatingMunicipalityIds"));
    }

    @Test
    @Order(7)
    @TestSecurity(user = "plattform", roles = "platform-admin")
    void aDeclineNeedsAReason() {
        given().contentType(ContentType.JSON).body("{}").post(BASE + "/reuse-requests/" + partnersRequest + "/decline")
                .then().statusCode(400).body("errors.field", equalTo(List.of("reason")));
        given().contentType(ContentType.JSON).body("{\"reason\": \"Fachverfahren fehlt\"}")
                .post(BASE + "/reuse-requests/" + partnersRequest + "/decline").then().statusCode(200)
                .body("status", equalTo("DECLINED")).body("decisionReason", equalTo("Fachverfahren fehlt"));
        given().contentType(ContentType.JSON).body("{\"reason\": \"x\"}").post(BASE + "/reuse-requests/" + UUID.randomUUID() + "/decline")
                .then().statusCode(404);
    }

    @Test
    @Order(8)
    @TestSecurity(user = "admin.partner", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = PARTNER))
    void aParticipantSeesTheAgreementWithItsShare() {
        given().get(BASE + "/reuse-agreements/" + agreement).then().statusCode(200)
                .body("participants.find { it.municipalityId == '" + PARTNER + "' }.developmentShareCents", equalTo(25_000));
        given().get(BASE + "/reuse-agreements").then().statusCode(200).body("items.id", hasItem(agreement));
    }

    @Test
    @Order(8)
    @TestSecurity(user = "admin.zuschauer", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = BYSTANDER))
    void aMunicipalityThatDoesNotParticipateDoesNotSeeIt() {
        given().get(BASE + "/reuse-agreements/" + agreement).then().statusCode(403);
        given().get(BASE + "/reuse-agreements").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(agreement)));
        given().get(BASE + "/reuse-agreements/" + UUID.randomUUID()).then().statusCode(404);
    }

    private long requestsOf(String municipality) {
        return Database.count(dataSource, "select count(*) from reuse_request where municipality_id = ?", UUID.fromString(municipality));
    }
}
