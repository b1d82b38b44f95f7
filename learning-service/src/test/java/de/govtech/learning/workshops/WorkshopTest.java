package de.govtech.learning.workshops;

import de.govtech.learning.LearningFixtures;
import de.govtech.learning.courses.CourseFixtures;
import de.govtech.learning.courses.CourseFormat;
import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static de.govtech.learning.LearningFixtures.BASE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Workshop sessions: authors schedule them (times shown in Europe/Berlin), learners of members see them. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "learning"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class WorkshopTest {

    static final String MEMBER = "8c2c0000-0000-4000-8000-00000000000a";
    static final String SESSION = """
            {"startsAt": "2026-03-10T08:00:00Z", "endsAt": "2026-03-10T12:00:00Z", "place": "Rathaus Heilbronn",
             "onlineUrl": %s, "capacity": %s, "registrationDeadline": "%s", "trainer": "Dr. Kim Beispiel"}""";

    static String sessionsOf(UUID course) {
        return BASE + "/courses/" + course + "/sessions";
    }

    @Test
    @TestSecurity(user = "edith.editor", roles = "learning-editor")
    void anEditorSchedulesASessionShownInBerlinTime() {
        UUID course = CourseFixtures.published("werkstatt-ki", "KI-Werkstatt", CourseFormat.LIVE_WORKSHOP).id;
        String id = given().contentType(ContentType.JSON)
                .body(SESSION.formatted("\"https://meet.example.de/ki\"", 12, "2026-03-03T22:59:59Z"))
                .post(sessionsOf(course)).then().statusCode(201)
                .header("Location", containsString("/api/v1/learning/sessions/")).extract().path("id");
        given().get(BASE + "/sessions/" + id).then().statusCode(200)
                .body("startsAtLocal", equalTo("2026-03-10T09:00:00+01:00"))
                .body("endsAtLocal", equalTo("2026-03-10T13:00:00+01:00"))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("capacity", equalTo(12)).body("seatsTaken", equalTo(0));
        given().get(sessionsOf(course)).then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    @TestSecurity(user = "paula.admin", roles = "platform-admin")
    void badSessionsAreRefusedNamingTheFieldAndNothingIsWritten() {
        UUID course = CourseFixtures.published("werkstatt-cloud", "Cloud-Werkstatt", CourseFormat.BLENDED).id;
        long before = sessions();
        given().contentType(ContentType.JSON).body(SESSION.formatted("null", 0, "2026-03-03T22:59:59Z"))
                .post(sessionsOf(course)).then().statusCode(400).body("errors.field", hasItem("capacity"));
        given().contentType(ContentType.JSON).body(SESSION.formatted("\"http://unsicher.example.de\"", 5, "2026-03-11T00:00:00Z"))
                .post(sessionsOf(course)).then().statusCode(422)
                .body("errors.field", hasItems("onlineUrl", "registrationDeadline"));
        given().contentType(ContentType.JSON).body(SESSION.formatted("null", 5, "kein Datum"))
                .post(sessionsOf(course)).then().statusCode(400);
        UUID selfPaced = CourseFixtures.published("selbst-lernen", "Selbst lernen", CourseFormat.SELF_PACED).id;
        given().contentType(ContentType.JSON).body(SESSION.formatted("null", 5, "2026-03-03T22:59:59Z"))
                .post(sessionsOf(selfPaced)).then().statusCode(409).body("type", endsWith("/course-without-workshops"));
        given().contentType(ContentType.JSON).body(SESSION.formatted("null", 5, "2026-03-03T22:59:59Z"))
                .post(sessionsOf(UUID.randomUUID())).then().statusCode(404);
        assertEquals(before, sessions());
    }

    @Test
    @TestSecurity(user = "sam.staff", roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void staffSeeSessionsButDoNotScheduleThem() {
        LearningFixtures.activeMember(MEMBER);
        UUID course = CourseFixtures.published("werkstatt-sicher", "Sicherheits-Werkstatt", CourseFormat.LIVE_WORKSHOP).id;
        UUID session = WorkshopFixtures.session(course, 3);
        given().get(sessionsOf(course)).then().statusCode(200).body("id", hasItem(session.toString()));
        given().contentType(ContentType.JSON).body(SESSION.formatted("null", 5, "2026-03-03T22:59:59Z"))
                .post(sessionsOf(course)).then().statusCode(403);
    }

    @Test
    void anonymousCallersGet401() {
        given().get(sessionsOf(UUID.randomUUID())).then().statusCode(401);
        given().get(BASE + "/sessions/" + UUID.randomUUID()).then().statusCode(401);
    }

    private static long sessions() {
        return QuarkusTransaction.requiringNew().call(() -> WorkshopSession.count());
    }
}
