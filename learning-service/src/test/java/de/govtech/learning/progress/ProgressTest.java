package de.govtech.learning.progress;

import de.govtech.learning.LearningFixtures;
import de.govtech.learning.courses.CompletionCriteria;
import de.govtech.learning.courses.Course;
import de.govtech.learning.courses.CourseFixtures;
import de.govtech.learning.courses.CourseFormat;
import de.govtech.learning.courses.CourseLevel;
import de.govtech.learning.courses.Lesson;
import de.govtech.learning.courses.QuizQuestion;
import de.govtech.learning.enrolments.EnrolmentFixtures;
import de.govtech.learning.workshops.WorkshopFixtures;
import de.govtech.platform.events.learning.CertificateIssued;
import de.govtech.platform.events.learning.CourseCompleted;
import de.govtech.platform.events.learning.EnrolmentCreated;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static de.govtech.learning.LearningFixtures.BASE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lesson completion, quiz attempts graded on the server, attendance, and completion exactly once. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "learning"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class ProgressTest {

    static final String ENROLMENTS = BASE + "/enrolments";
    static final String MEMBER = "ac2c0000-0000-4000-8000-00000000000a";
    static final String OTHER = "ac2c0000-0000-4000-8000-00000000000b";

    static Course course;

    @BeforeEach
    void seed() {
        LearningFixtures.activeMember(MEMBER);
        LearningFixtures.activeMember(OTHER);
        course = CourseFixtures.published("fortschritt-alles", "Fortschritt", CourseFormat.SELF_PACED);
    }

    static String enrolSelf(UUID courseId) {
        return given().contentType(ContentType.JSON).body("{\"courseId\": \"" + courseId + "\"}")
                .post(ENROLMENTS).then().statusCode(201).extract().path("id");
    }

    static String answers(QuizQuestion first, int firstOption, QuizQuestion second, int... secondOptions) {
        StringBuilder options = new StringBuilder();
        for (int o : secondOptions) {
            options.append(options.isEmpty() ? "" : ",").append('"').append(second.options().get(o).id()).append('"');
        }
        return "{\"answers\": [{\"questionId\": \"" + first.id() + "\", \"optionIds\": [\"" + first.options().get(firstOption).id()
                + "\"]}, {\"questionId\": \"" + second.id() + "\", \"optionIds\": [" + options + "]}]}";
    }

    @Test
    @TestSecurity(user = "lena.lernt", roles = "municipality-staff")
    @OidcSecurity(claims = {@Claim(key = "municipality_id", value = MEMBER), @Claim(key = "name", value = "Lena Lernt")})
    void completingEveryLessonAndPassingTheQuizCompletesTheCourseOnce() {
        String id = enrolSelf(course.id);
        List<Lesson> lessons = course.lessons();
        Lesson quiz = lessons.get(2);
        String complete = ENROLMENTS + "/" + id + "/lessons/%s/complete";
        given().post(complete.formatted(lessons.get(0).id())).then().statusCode(200)
                .body("completedLessons", hasItem(lessons.get(0).id().toString())).body("status", equalTo("ENROLLED"));
        given().post(complete.formatted(lessons.get(0).id())).then().statusCode(200).body("completedLessons", hasSize(1));
        given().post(complete.formatted(quiz.id())).then().statusCode(409).body("type", endsWith("/quiz-completed-by-attempt"));
        given().post(complete.formatted(UUID.randomUUID())).then().statusCode(404);
        given().post(complete.formatted(lessons.get(1).id())).then().statusCode(200);

        QuizQuestion q1 = quiz.quiz().questions().get(0);
        QuizQuestion q2 = quiz.quiz().questions().get(1);
        String attempts = ENROLMENTS + "/" + id + "/quizzes/" + quiz.id() + "/attempts";
        given().contentType(ContentType.JSON).body(answers(q1, 1, q2, 1)).post(attempts).then().statusCode(201)
                .body("scorePercent", equalTo(0)).body("passed", equalTo(false));
        given().get(ENROLMENTS + "/" + id).then().body("status", equalTo("ENROLLED"));
        String passed = given().contentType(ContentType.JSON).body(answers(q1, 0, q2, 0, 2)).post(attempts).then()
                .statusCode(201).body("scorePercent", equalTo(100)).body("passed", equalTo(true))
                .body("questions.correct", equalTo(List.of(true, true))).extract().path("id");
        given().get(ENROLMENTS + "/" + id).then().body("status", equalTo("COMPLETED"));
        given().contentType(ContentType.JSON).body(answers(q1, 0, q2, 0, 2)).post(attempts).then().statusCode(201);
        given().get(attempts).then().statusCode(200).body("passed", equalTo(List.of(false, true, true)));
        given().get(attempts + "/" + passed).then().statusCode(200).body("scorePercent", equalTo(100));

        assertEquals(1, LearningFixtures.outboxEvents(CourseCompleted.TYPE, id));
        var published = KafkaTopicReader.fromTestBroker()
                .readMatching("learning.events", r -> id.equals(r.key()), 2, LearningFixtures.WAIT);
        assertEquals(List.of(EnrolmentCreated.TYPE, CourseCompleted.TYPE),
                published.stream().map(r -> KafkaTopicReader.header(r, "ce_type")).toList());
        given().get(BASE + "/certificates").then().statusCode(200).body("items.enrolmentId", hasItem(id))
                .body("items[0].holderName", equalTo("Lena Lernt"));
    }

    @Test
    @TestSecurity(user = "lena.lernt", roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void badAttemptsAreRefusedNamingTheFieldAndNothingIsKept() {
        Course other = CourseFixtures.published("fortschritt-fehler", "Fehler", CourseFormat.SELF_PACED);
        String id = enrolSelf(other.id);
        Lesson quiz = other.lessons().get(2);
        String attempts = ENROLMENTS + "/" + id + "/quizzes/" + quiz.id() + "/attempts";
        given().contentType(ContentType.JSON).body("{\"answers\": [{\"questionId\": \"" + UUID.randomUUID()
                + "\", \"optionIds\": []}]}").post(attempts).then().statusCode(422)
                .body("errors.field", hasItem("answers[0].questionId"));
        given().contentType(ContentType.JSON).body("{}").post(attempts).then().statusCode(400)
                .body("errors.field", hasItem("answers"));
        given().contentType(ContentType.JSON).body("{\"answers\": []}")
                .post(ENROLMENTS + "/" + id + "/quizzes/" + other.lessons().get(0).id() + "/attempts").then().statusCode(404);
        given().get(attempts).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    @TestSecurity(user = "anna.admin", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void anAdminSeesItsStaffsProgressButDoesNotLearnForThem() {
        String staffs = EnrolmentFixtures.enrolled(MEMBER, course.id, null, "staff-progress-" + UUID.randomUUID());
        given().get(ENROLMENTS + "/" + staffs).then().statusCode(200).body("completedLessons", hasSize(0));
        given().post(ENROLMENTS + "/" + staffs + "/lessons/" + course.lessons().get(0).id() + "/complete")
                .then().statusCode(403);
        String foreign = EnrolmentFixtures.enrolled(OTHER, course.id, null, "other-progress-" + UUID.randomUUID());
        given().get(ENROLMENTS + "/" + foreign).then().statusCode(404);
        given().post(ENROLMENTS + "/" + foreign + "/lessons/" + course.lessons().get(0).id() + "/complete")
                .then().statusCode(404);
        given().get(ENROLMENTS + "/" + foreign + "/quizzes/" + course.lessons().get(2).id() + "/attempts")
                .then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "wanda.wartet", roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void waitlistedLearnersDoNotProgress() {
        Course workshop = CourseFixtures.published("fortschritt-werkstatt", "Werkstatt", CourseFormat.LIVE_WORKSHOP);
        UUID session = WorkshopFixtures.session(workshop.id, 1);
        EnrolmentFixtures.enrolled(OTHER, workshop.id, session, "sitzt-schon-" + UUID.randomUUID());
        String id = given().contentType(ContentType.JSON)
                .body("{\"courseId\": \"" + workshop.id + "\", \"workshopSessionId\": \"" + session + "\"}")
                .post(ENROLMENTS).then().statusCode(201).body("status", equalTo("WAITLISTED")).extract().path("id");
        given().post(ENROLMENTS + "/" + id + "/lessons/" + workshop.lessons().get(0).id() + "/complete")
                .then().statusCode(409).body("type", endsWith("/enrolment-not-open"));
    }

    @Test
    @TestSecurity(user = "tom.trainer", roles = "learning-editor")
    void aTrainerConfirmsAttendanceWhichCompletesAWorkshopCourse() {
        Course workshop = CourseFixtures.published("fortschritt-anwesend", "Anwesenheit", "KI", CourseLevel.EINSTIEG,
                CourseFormat.LIVE_WORKSHOP, new CompletionCriteria(CompletionCriteria.Aggregation.ANY,
                        List.of(new CompletionCriteria.Criterion(CompletionCriteria.CriterionType.WORKSHOP_ATTENDED, null))));
        UUID session = WorkshopFixtures.session(workshop.id, 5);
        String id = EnrolmentFixtures.enrolled(MEMBER, workshop.id, session, "anwesend-" + UUID.randomUUID());
        given().post(ENROLMENTS + "/" + id + "/confirm-attendance").then().statusCode(200)
                .body("attended", equalTo(true)).body("status", equalTo("COMPLETED"));
        given().post(ENROLMENTS + "/" + id + "/confirm-attendance").then().statusCode(200);
        assertEquals(1, LearningFixtures.outboxEvents(CourseCompleted.TYPE, id));
        given().post(ENROLMENTS + "/" + UUID.randomUUID() + "/confirm-attendance").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "lena.lernt", roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void learnersDoNotConfirmAttendance() {
        given().post(ENROLMENTS + "/" + UUID.randomUUID() + "/confirm-attendance").then().statusCode(403);
    }

    @Test
    void anonymousCallersGet401() {
        given().post(ENROLMENTS + "/" + UUID.randomUUID() + "/lessons/" + UUID.randomUUID() + "/complete").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"answers\": []}")
                .post(ENROLMENTS + "/" + UUID.randomUUID() + "/quizzes/" + UUID.randomUUID() + "/attempts").then().statusCode(401);
    }
}
