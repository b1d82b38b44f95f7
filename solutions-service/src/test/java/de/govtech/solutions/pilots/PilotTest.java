package de.govtech.solutions.pilots;

import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import de.govtech.solutions.AsPlatformAdmin;
import de.govtech.solutions.TestMembers;
import de.govtech.solutions.proposals.SolutionAction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A pilot managed by platform admins: plan, tech partners, municipalities (one lead), notes; the lead decides reuse. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "solutions"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PilotTest {

    static final String SOLUTIONS = "/api/v1/solutions/solutions";
    static final String LEAD = "c3b70000-0000-4000-8000-00000000000a";
    static final String PARTICIPANT = "c3b70000-0000-4000-8000-00000000000b";
    static final String OUTSIDER = "c3b70000-0000-4000-8000-0000000000ee";

    static String solution;
    static String request;

    static String pilot() {
        return SOLUTIONS + "/" + solution + "/pilot";
    }

    @Test
    @Order(1)
    void setUp() {
        TestMembers.ensureActive(LEAD);
        TestMembers.ensureActive(PARTICIPANT);
        solution = AsPlatformAdmin.propose("Pilotierte Lösung");
        AsPlatformAdmin.move(solution, SolutionAction.START_PILOT, null);
    }

    @Test
    @Order(2)
    @TestSecurity(user = "plattform", roles = "platform-admin")
    void aPlatformAdminManagesThePilot() {
        given().contentType(ContentType.JSON).body("""
                {"startDate": "2027-03-01", "milestones": [{"title": "Prototyp", "dueDate": "2027-02-01"},
                 {"title": "Betrieb", "dueDate": "2027-06-01"}, {"title": "Abnahme", "dueDate": "2027-05-01"}]}""")
                .post(pilot()).then().statusCode(422)
                .body("errors.field", equalTo(List.of("milestones[0].dueDate", "milestones[2].dueDate")));
        given().contentType(ContentType.JSON).body("{\"milestones\": [{\"title\": \"\"}]}").post(pilot()).then().statusCode(400);
        given().contentType(ContentType.JSON).body("""
                {"startDate": "2027-03-01", "milestones": [{"title": "Prototyp", "dueDate": "2027-06-30"}]}""")
                .post(pilot()).then().statusCode(201).header("Location", endsWith("/solutions/" + solution + "/pilot"))
                .body("milestones.title", equalTo(List.of("Prototyp")));
        given().contentType(ContentType.JSON).body("{\"startDate\": \"2027-03-01\"}").post(pilot()).then().statusCode(409);

        String partner = given().contentType(ContentType.JSON).body("{\"name\": \"Beispiel Software GmbH\", \"role\": \"DEVELOPER\"}")
                .post(pilot() + "/partners").then().statusCode(200).extract().path("partners[0].id");
        given().contentType(ContentType.JSON).body("{\"name\": \"Betrieb AG\", \"role\": \"OPERATOR\"}").post(pilot() + "/partners")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"name\": \"X\", \"role\": \"INVESTOR\"}").post(pilot() + "/partners")
                .then().statusCode(400);
        given().delete(pilot() + "/partners/" + partner).then().statusCode(200).body("partners.name", equalTo(List.of("Betrieb AG")));
        given().delete(pilot() + "/partners/" + partner).then().statusCode(404);

        given().contentType(ContentType.JSON).body("{\"role\": \"LEAD\"}").put(pilot() + "/municipalities/" + LEAD).then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"role\": \"PARTICIPANT\"}").put(pilot() + "/municipalities/" + PARTICIPANT)
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"role\": \"LEAD\"}").put(pilot() + "/municipalities/" + PARTICIPANT)
                .then().statusCode(409).body("type", endsWith("/pilot-lead-taken"));
        given().contentType(ContentType.JSON).body("{\"role\": \"PARTICIPANT\"}").put(pilot() + "/municipalities/" + OUTSIDER)
                .then().statusCode(422).body("errors.field", equalTo(List.of("municipalityId")));

        given().contentType(ContentType.JSON).body("{\"text\": \"Prototyp läuft im Bürgerbüro\"}").post(pilot() + "/notes")
                .then().statusCode(200);
        JsonPath replanned = given().contentType(ContentType.JSON).body("""
                {"startDate": "2027-04-01", "milestones": [{"title": "Prototyp", "dueDate": "2027-07-31"},
                 {"title": "Betrieb", "dueDate": "2027-12-01"}]}""").put(pilot() + "/plan").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("2027-04-01", replanned.getString("startDate"));
        assertEquals(List.of("Prototyp", "Betrieb"), replanned.getList("milestones.title"));
        assertEquals(List.of(LEAD, PARTICIPANT), replanned.getList("municipalities.municipalityId"));
        assertEquals(List.of("LEAD", "PARTICIPANT"), replanned.getList("municipalities.role"));
        assertEquals("plattform", replanned.getString("notes[0].author"));
        given().get(SOLUTIONS + "/" + UUID.randomUUID() + "/pilot").then().statusCode(404);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "admin.teilnehmer", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = PARTICIPANT))
    void membersReadButDoNotManageThePilot() {
        given().get(pilot()).then().statusCode(200).body("partners.name", equalTo(List.of("Betrieb AG")));
        given().contentType(ContentType.JSON).body("{\"startDate\": \"2027-03-01\"}").put(pilot() + "/plan").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"name\": \"X\", \"role\": \"DEVELOPER\"}").post(pilot() + "/partners")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"role\": \"LEAD\"}").put(pilot() + "/municipalities/" + PARTICIPANT)
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"text\": \"x\"}").post(pilot() + "/notes").then().statusCode(403);
        given().delete(pilot() + "/municipalities/" + LEAD).then().statusCode(403);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "anbieter", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = "7b2d0b63-1d2f-4b4a-8e62-0000000000ff"))
    void aVendorDoesNotSeeThePilot() {
        given().get(pilot()).then().statusCode(403);
    }

    @Test
    @Order(3)
    void anonymousCallersGet401() {
        given().get(pilot()).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"text\": \"x\"}").post(pilot() + "/notes").then().statusCode(401);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "admin.teilnehmer", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = PARTICIPANT))
    void aParticipantAsksToReuseTheReleasedSolutionButCannotDecide() {
        AsPlatformAdmin.move(solution, SolutionAction.RELEASE, "EUPL-1.2");
        request = given().contentType(ContentType.JSON).body("{}").post(SOLUTIONS + "/" + solution + "/reuse-requests")
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body("{\"terms\": \"x\", \"startDate\": \"2027-09-01\"}")
                .post("/api/v1/solutions/reuse-requests/" + request + "/accept").then().statusCode(403);
    }

    @Test
    @Order(5)
    @TestSecurity(user = "admin.lead", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = LEAD))
    void theLeadMunicipalitysAdminDecidesReuseRequests() {
        given().get(SOLUTIONS + "/" + solution + "/reuse-requests").then().statusCode(200)
                .body("items.id", equalTo(List.of(request)));
        given().contentType(ContentType.JSON).body("{\"terms\": \"Nachnutzung gemäß EUPL-1.2\", \"startDate\": \"2027-09-01\"}")
                .post("/api/v1/solutions/reuse-requests/" + request + "/accept").then().statusCode(201)
                .body("participants.municipalityId", equalTo(List.of(PARTICIPANT)));
    }
}
