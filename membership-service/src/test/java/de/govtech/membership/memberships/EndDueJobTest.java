package de.govtech.membership.memberships;


import de.govtech.membership.Database;
import de.govtech.platform.testkit.TestClock;
import de.govtech.membership.TestData;
import de.govtech.membership.municipalities.OfficialKeys;
import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notice without a body, and the scheduled end-due job ending the membership after its last day. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "membership"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class EndDueJobTest {

    private static final String API = "/api/v1/membership";

    @Inject
    EndDueJob job;

    @Inject
    DataSource dataSource;


    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void noticeNeedsNoBodyAndTheJobEndsTheMembershipAfterItsLastDay() {
        String municipality = OfficialKeys.municipalityId("08999501").toString();
        given().contentType(ContentType.JSON).body(TestData.gemeinde("Gemeinde Zeitplan", "08999501")).when()
                .post(API + "/municipalities").then().statusCode(201);
        TestClock.today("2025-03-01");
        String membership = given().contentType(ContentType.JSON)
                .body(Map.of("municipalityId", municipality, "statutesVersion", "2025-12-12"))
                .when().post(API + "/memberships").then().statusCode(201).extract().path("id");
        given().when().post(API + "/memberships/" + membership + "/admit").then().statusCode(200);

        TestClock.today("2025-04-02");
        given().contentType(ContentType.TEXT).body("bitte kündigen").when().post(API + "/memberships/" + membership + "/give-notice")
                .then().statusCode(415).contentType("application/problem+json");
        given().when().post(API + "/memberships/" + membership + "/give-notice").then().statusCode(200) // no body, no Content-Type
                .body("status", equalTo("NOTICE_GIVEN")).body("noticeGivenOn", equalTo("2025-04-02"))
                .body("leavesOn", equalTo("2025-12-31"));

        TestClock.today("2025-12-31");
        assertFalse(job.run().membershipIds().contains(java.util.UUID.fromString(membership)));
        TestClock.today("2026-01-01");
        assertTrue(job.run().membershipIds().contains(java.util.UUID.fromString(membership)));
        assertFalse(job.run().membershipIds().contains(java.util.UUID.fromString(membership)));

        given().when().get(API + "/memberships/" + membership).then().statusCode(200)
                .body("status", equalTo("ENDED")).body("endedOn", equalTo("2026-01-01"));
        List<String> actors = given().when().get(API + "/memberships/" + membership + "/history").then().statusCode(200)
                .extract().jsonPath().getList("actor");
        assertEquals(EndDueJob.ACTOR, actors.get(actors.size() - 1));
        assertEquals(1, Database.count(dataSource, "select count(*) from outbox_event where aggregate_id = ? and event_type = ?",
                municipality, "de.govtech.membership.member-left.v1"));
    }

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void noticeAcceptsAnEmptyJsonBodyToo() {
        String municipality = OfficialKeys.municipalityId("08999502").toString();
        given().contentType(ContentType.JSON).body(TestData.gemeinde("Gemeinde Leerer Körper", "08999502")).when()
                .post(API + "/municipalities").then().statusCode(201);
        String membership = given().contentType(ContentType.JSON)
                .body(Map.of("municipalityId", municipality, "statutesVersion", "2025-12-12"))
                .when().post(API + "/memberships").then().statusCode(201).extract().path("id");
        given().when().post(API + "/memberships/" + membership + "/admit").then().statusCode(200);
        given().contentType(ContentType.JSON).when().post(API + "/memberships/" + membership + "/give-notice").then().statusCode(200)
                .body("status", equalTo("NOTICE_GIVEN"));
    }
}
