package de.govtech.solutions.proposals;

import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import de.govtech.solutions.TestEvents;
import de.govtech.solutions.TestMembers;
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
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Status changes by platform admins, with history and events; illegal ones are 409 and change nothing. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "solutions"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class SolutionLifecycleApiTest {

    static final String BASE = "/api/v1/solutions/solutions";
    static final String REASON = "{\"reason\": \"Auswahlrunde 2026, Platz 1\"}";

    @Inject
    DataSource dataSource;

    /** A solution proposed by the association itself (as a platform admin). */
    public static String proposed(String title) {
        return given().contentType(ContentType.JSON).body(ProposalAccessTest.proposal(title, null)).post(BASE)
                .then().statusCode(201).extract().path("id");
    }

    static JsonPath act(String id, String verb, String body, int status) {
        return given().contentType(ContentType.JSON).body(body).post(BASE + "/" + id + "/" + verb)
                .then().statusCode(status).extract().jsonPath();
    }

    @Test
    @TestSecurity(user = "plattform", roles = "platform-admin")
    void aSolutionGoesFromProposalToRetirementWithHistoryAndEvents() {
        String id = proposed("Lebenszyklus komplett");
        act(id, "shortlist", REASON, 200);
        act(id, "start-pilot", "{\"reason\": \"Pilot mit Heilbronn\"}", 200);
        JsonPath released = act(id, "release", "{\"reason\": \"Pilot erfolgreich\", \"licence\": \"EUPL-1.2\"}", 200);
        assertEquals("AVAILABLE_FOR_REUSE", released.getString("status"));
        JsonPath retired = act(id, "retire", "{\"reason\": \"Abgelöst\"}", 200);

        assertEquals(List.of("PROPOSED", "SHORTLISTED", "IN_PILOT", "AVAILABLE_FOR_REUSE", "RETIRED"),
                retired.getList("history.to"));
        assertEquals("Auswahlrunde 2026, Platz 1", retired.getString("history[1].reason"));
        assertEquals("plattform", retired.getString("history[1].actor"));
        assertEquals("SHORTLISTED", retired.getString("history[2].from"));

        List<JsonPath> changes = TestEvents.of("solution-status-changed", id, 4);
        assertEquals(List.of("SHORTLISTED", "IN_PILOT", "AVAILABLE_FOR_REUSE", "RETIRED"),
                changes.stream().map(c -> c.getString("toStatus")).toList());
        assertEquals("Abgelöst", changes.get(3).getString("reason"));
        JsonPath release = TestEvents.of("solution-released-for-reuse", id, 1).get(0);
        assertEquals("EUPL-1.2", release.getString("licence"));
        assertEquals("Lebenszyklus komplett", release.getString("name"));
        assertEquals("/api/v1/solutions/solutions/" + id + "/reuse-requests", release.getString("reuseRequestPath"));
        JsonPath retirement = TestEvents.of("solution-retired", id, 1).get(0);
        assertEquals("Abgelöst", retirement.getString("reason"));
    }

    @Test
    @TestSecurity(user = "plattform", roles = "platform-admin")
    void anIllegalTransitionIs409AndChangesNothing() {
        String id = proposed("Unzulässig");
        given().contentType(ContentType.JSON).body("{\"reason\": \"zu früh\", \"licence\": \"EUPL-1.2\"}")
                .post(BASE + "/" + id + "/release").then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/illegal-transition"));
        act(id, "retire", REASON, 409);
        act(id, "decline", "{\"reason\": \"Kein Bedarf\"}", 200);
        act(id, "shortlist", REASON, 409);
        given().get(BASE + "/" + id).then().body("status", equalTo("DECLINED")).body("history.size()", equalTo(2));
        assertEquals(0, TestEvents.inOutbox(dataSource, "solution-released-for-reuse", id));
        assertEquals(1, TestEvents.inOutbox(dataSource, "solution-status-changed", id));
    }

    @Test
    @TestSecurity(user = "plattform", roles = "platform-admin")
    void aReasonIsRequiredAndAReleaseWithoutLicenceIs422() {
        String id = proposed("Ohne Begründung");
        given().contentType(ContentType.JSON).body("{}").post(BASE + "/" + id + "/shortlist").then().statusCode(400)
                .body("errors.field", equalTo(List.of("reason")));
        given().contentType(ContentType.JSON).post(BASE + "/" + id + "/shortlist").then().statusCode(400);
        act(id, "start-pilot", REASON, 200);
        given().contentType(ContentType.JSON).body("{\"reason\": \"fertig\"}").post(BASE + "/" + id + "/release")
                .then().statusCode(422).body("errors.field", equalTo(List.of("licence")));
        given().contentType(ContentType.JSON).body("{\"reason\": \"fertig\", \"licence\": \"keine Lizenz!\"}")
                .post(BASE + "/" + id + "/release").then().statusCode(400).body("errors.field", equalTo(List.of("licence")));
        given().contentType(ContentType.JSON).body("{\"reason\": \"fertig\", \"licence\": \"Freeware-1.0\"}")
                .post(BASE + "/" + id + "/release").then().statusCode(422).body("errors.field", equalTo(List.of("licence")));
        given().get(BASE + "/" + id).then().body("status", equalTo("IN_PILOT"));
        assertEquals(0, TestEvents.inOutbox(dataSource, "solution-released-for-reuse", id));
        act(java.util.UUID.randomUUID().toString(), "shortlist", REASON, 404);
    }

    @Test
    @TestSecurity(user = "admin.vorschlag", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = ProposalAccessTest.MEMBER))
    void aMunicipalityAdminMayNotChangeTheStatus() {
        TestMembers.ensureActive(ProposalAccessTest.MEMBER);
        String id = given().contentType(ContentType.JSON).body(ProposalAccessTest.proposal("Eigener Status", null))
                .post(BASE).then().statusCode(201).extract().path("id");
        for (String verb : List.of("shortlist", "start-pilot", "release", "retire", "decline")) {
            act(id, verb, REASON, 403);
        }
        given().get(BASE + "/" + id).then().body("status", equalTo("PROPOSED"));
    }

    @Test
    void anonymousMayNotChangeTheStatus() {
        given().contentType(ContentType.JSON).body(REASON).post(BASE + "/" + java.util.UUID.randomUUID() + "/shortlist")
                .then().statusCode(401);
    }
}
