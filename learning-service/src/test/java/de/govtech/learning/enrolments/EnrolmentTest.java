package de.govtech.learning.enrolments;

import de.govtech.learning.LearningFixtures;
import de.govtech.learning.courses.CourseFixtures;
import de.govtech.learning.courses.CourseFormat;
import de.govtech.learning.workshops.WorkshopFixtures;
import de.govtech.platform.events.learning.EnrolmentCancelled;
import de.govtech.platform.events.learning.EnrolmentCreated;
import de.govtech.platform.events.learning.EnrolmentPromoted;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static de.govtech.learning.LearningFixtures.BASE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Enrolment: seats and waitlist, cancellation and promotion, membership rules, who sees whose enrolments. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "learning"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class EnrolmentTest {

    static final String ENROLMENTS = BASE + "/enrolments";
    static final String MEMBER = "9c2c0000-0000-4000-8000-00000000000a";
    static final String OTHER = "9c2c0000-0000-4000-8000-00000000000b";
    static final String SUSPENDED = "9c2c0000-0000-4000-8000-00000000000c";
    static final String STRANGER = "9c2c0000-0000-4000-8000-0000000000ee";

    static UUID selfPaced;
    static UUID workshop;

    @BeforeEach
    void seed() {
        if (selfPaced == null) {
            LearningFixtures.activeMember(MEMBER);
            LearningFixtures.activeMember(OTHER);
            LearningFixtures.activeMember(SUSPENDED);
            LearningFixtures.suspend(SUSPENDED);
            selfPaced = CourseFixtures.published("anmeldung-selbst", "Anmeldung selbst", CourseFormat.SELF_PACED).id;
            workshop = CourseFixtures.published("anmeldung-werkstatt", "Anmeldung Werkstatt", CourseFormat.LIVE_WORKSHOP).id;
        }
    }

    static String enrolBody(UUID course, UUID session, String learnerId, String learnerName) {
        return "{\"courseId\": \"" + course + "\""
                + (session == null ? "" : ", \"workshopSessionId\": \"" + session + "\"")
                + (learnerId == null ? "" : ", \"learnerId\": \"" + learnerId + "\", \"learnerName\": \"" + learnerName + "\"")
                + "}";
    }

    @Test
    @TestSecurity(user = "sabine.staff", roles = "municipality-staff")
    @OidcSecurity(claims = {@Claim(key = "municipality_id", value = MEMBER), @Claim(key = "name", value = "Sabine Staff")})
    void staffEnrolThemselvesInASelfPacedCourseOnce() {
        String id = given().contentType(ContentType.JSON).body(enrolBody(selfPaced, null, null, null))
                .post(ENROLMENTS).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/learning/enrolments/"))
                .body("status", equalTo("ENROLLED")).body("learnerName", equalTo("Sabine Staff"))
                .body("learnerId", equalTo("sabine.staff")).body("workshopSessionId", nullValue())
                .extract().path("id");
        assertEquals(1, LearningFixtures.outboxEvents(EnrolmentCreated.TYPE, id));
        given().contentType(ContentType.JSON).body(enrolBody(selfPaced, null, null, null))
                .post(ENROLMENTS).then().statusCode(409).body("type", endsWith("/already-enrolled"));
        given().get(ENROLMENTS + "/" + id).then().statusCode(200).body("status", equalTo("ENROLLED"));
        given().queryParam("size", 100).get(ENROLMENTS).then().statusCode(200)
                .body("items.learnerId", everyItem(equalTo("sabine.staff")));
        given().contentType(ContentType.JSON).body(enrolBody(selfPaced, null, "someone-else", "Jemand"))
                .post(ENROLMENTS).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "anna.admin", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void aFullSessionWaitlistsAndACancellationPromotesTheFirstWaiting() {
        UUID session = WorkshopFixtures.session(workshop, 2);
        String first = enrol(session, "w-first");
        enrol(session, "w-second");
        String third = enrol(session, "w-third");
        String fourth = enrol(session, "w-fourth");
        given().get(ENROLMENTS + "/" + third).then().body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1));
        given().get(ENROLMENTS + "/" + fourth).then().body("waitlistPosition", equalTo(2));
        given().get(BASE + "/sessions/" + session).then().body("seatsTaken", equalTo(2)).body("waitlisted", equalTo(2));

        given().contentType(ContentType.JSON).body("{\"reason\": \"Terminkonflikt\"}")
                .post(ENROLMENTS + "/" + first + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("Terminkonflikt"));
        given().get(ENROLMENTS + "/" + third).then().body("status", equalTo("ENROLLED")).body("waitlistPosition", nullValue());
        given().get(ENROLMENTS + "/" + fourth).then().body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1));
        assertEquals(1, LearningFixtures.outboxEvents(EnrolmentCancelled.TYPE, first));
        assertEquals(1, LearningFixtures.outboxEvents(EnrolmentPromoted.TYPE, third));
        given().post(ENROLMENTS + "/" + first + "/cancel").then().statusCode(409).body("type", endsWith("/enrolment-not-open"));

        given().queryParam("courseId", workshop.toString()).queryParam("status", "WAITLISTED").queryParam("size", 100)
                .get(ENROLMENTS).then().statusCode(200).body("items.id", hasItem(fourth));
    }

    @Test
    @TestSecurity(user = "anna.admin", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void badEnrolmentsAreRefusedNamingTheFieldAndNothingIsWritten() {
        long before = EnrolmentFixtures.ofMunicipality(MEMBER);
        given().contentType(ContentType.JSON).body("{}").post(ENROLMENTS).then().statusCode(400)
                .body("errors.field", hasItem("courseId"));
        given().contentType(ContentType.JSON).body(enrolBody(UUID.randomUUID(), null, null, null)).post(ENROLMENTS)
                .then().statusCode(422).body("errors.field", hasItem("courseId"));
        given().contentType(ContentType.JSON).body(enrolBody(workshop, null, "x1", "X")).post(ENROLMENTS)
                .then().statusCode(422).body("errors.field", hasItem("workshopSessionId"));
        given().contentType(ContentType.JSON).body(enrolBody(selfPaced, UUID.randomUUID(), "x1", "X")).post(ENROLMENTS)
                .then().statusCode(422).body("errors.field", hasItem("workshopSessionId"));
        given().contentType(ContentType.JSON).body("{\"courseId\": \"" + selfPaced + "\", \"learnerId\": \"x2\"}")
                .post(ENROLMENTS).then().statusCode(422).body("errors.field", hasItem("learnerName"));
        UUID closed = WorkshopFixtures.session(workshop, 5, Instant.now().minusSeconds(60));
        given().contentType(ContentType.JSON).body(enrolBody(workshop, closed, "x3", "X")).post(ENROLMENTS)
                .then().statusCode(409).body("type", endsWith("/registration-closed"));
        given().queryParam("status", "KAPUTT").get(ENROLMENTS).then().statusCode(400).body("errors.field", hasItem("status"));
        given().queryParam("courseId", "keine-uuid").get(ENROLMENTS).then().statusCode(400).body("errors.field", hasItem("courseId"));
        assertEquals(before, EnrolmentFixtures.ofMunicipality(MEMBER));
    }

    @Test
    @TestSecurity(user = "susi.ruht", roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = SUSPENDED))
    void aSuspendedMembersStaffCannotEnrol() {
        given().contentType(ContentType.JSON).body(enrolBody(selfPaced, null, null, null)).post(ENROLMENTS)
                .then().statusCode(403).body("type", endsWith("/membership-suspended"));
        assertEquals(0, EnrolmentFixtures.ofMunicipality(SUSPENDED));
    }

    @Test
    @TestSecurity(user = "nina.fremd", roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = STRANGER))
    void aNonMembersStaffCannotEnrol() {
        given().contentType(ContentType.JSON).body(enrolBody(selfPaced, null, null, null)).post(ENROLMENTS)
                .then().statusCode(403).body("type", endsWith("/membership-required"));
        assertEquals(0, EnrolmentFixtures.ofMunicipality(STRANGER));
    }

    @Test
    @TestSecurity(user = "otto.other", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = OTHER))
    void anotherMunicipalitysAdminSeesAndCancelsNothingOfIt() {
        UUID session = WorkshopFixtures.session(workshop, 5);
        String foreign = EnrolmentFixtures.enrolled(MEMBER, workshop, session, "fremd-1");
        given().get(ENROLMENTS + "/" + foreign).then().statusCode(404);
        given().post(ENROLMENTS + "/" + foreign + "/cancel").then().statusCode(404);
        given().queryParam("size", 100).get(ENROLMENTS).then().statusCode(200).body("items.id", not(hasItem(foreign)))
                .body("items.municipalityId", everyItem(equalTo(OTHER)));
        assertEquals("ENROLLED", EnrolmentFixtures.enrolment(UUID.fromString(foreign)).status.name());
    }

    @Test
    @TestSecurity(user = "paula.admin", roles = "platform-admin")
    void platformAdminsSeeEveryEnrolmentButDoNotEnrol() {
        UUID session = WorkshopFixtures.session(workshop, 5);
        String any = EnrolmentFixtures.enrolled(OTHER, workshop, session, "pa-1");
        given().get(ENROLMENTS + "/" + any).then().statusCode(200);
        given().contentType(ContentType.JSON).body(enrolBody(selfPaced, null, null, null)).post(ENROLMENTS).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "vera.vendor", roles = "vendor")
    void otherRolesGet403() {
        given().get(ENROLMENTS).then().statusCode(403);
        given().contentType(ContentType.JSON).body(enrolBody(selfPaced, null, null, null)).post(ENROLMENTS).then().statusCode(403);
    }

    @Test
    void whenAMunicipalityLeavesItsOpenEnrolmentsAreCancelledAndTheSeatsGoToTheWaitlist() {
        String leaving = UUID.randomUUID().toString();
        LearningFixtures.activeMember(leaving);
        UUID session = WorkshopFixtures.session(workshop, 1);
        UUID seated = UUID.fromString(EnrolmentFixtures.enrolled(leaving, workshop, session, "geht-1"));
        UUID waiting = UUID.fromString(EnrolmentFixtures.enrolled(OTHER, workshop, session, "bleibt-1"));
        UUID alsoLeaving = UUID.fromString(EnrolmentFixtures.enrolled(leaving, workshop, session, "geht-2"));
        UUID behind = UUID.fromString(EnrolmentFixtures.enrolled(OTHER, workshop, session, "bleibt-2"));
        assertEquals(EnrolmentStatus.WAITLISTED, EnrolmentFixtures.enrolment(waiting).status);
        assertEquals(3, EnrolmentFixtures.enrolment(behind).waitlistPosition);

        LearningFixtures.leave(leaving);

        assertEquals(EnrolmentStatus.CANCELLED, EnrolmentFixtures.enrolment(seated).status);
        assertEquals(EnrolmentStatus.CANCELLED, EnrolmentFixtures.enrolment(alsoLeaving).status);
        assertEquals(EnrolmentStatus.ENROLLED, EnrolmentFixtures.enrolment(waiting).status);
        assertEquals(1, EnrolmentFixtures.enrolment(behind).waitlistPosition);
        assertEquals(1, LearningFixtures.outboxEvents(EnrolmentPromoted.TYPE, waiting));
        assertEquals(1, LearningFixtures.outboxEvents(EnrolmentCancelled.TYPE, seated));
    }

    @Test
    void anonymousCallersGet401() {
        given().get(ENROLMENTS).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post(ENROLMENTS).then().statusCode(401);
        given().post(ENROLMENTS + "/" + UUID.randomUUID() + "/cancel").then().statusCode(401);
    }

    private static String enrol(UUID session, String learner) {
        return given().contentType(ContentType.JSON).body(enrolBody(workshop, session, learner, "Name " + learner))
                .post(ENROLMENTS).then().statusCode(201).extract().path("id");
    }
}
