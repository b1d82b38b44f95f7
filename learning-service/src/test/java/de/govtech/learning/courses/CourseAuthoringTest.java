package de.govtech.learning.courses;

import de.govtech.learning.LearningFixtures;
import de.govtech.platform.events.learning.CoursePublished;
import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.KafkaTopicReader;
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
import static de.govtech.learning.LearningFixtures.courseJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Authoring: who may write courses, what a bad course gets (nothing written), draft → published → archived. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "learning"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class CourseAuthoringTest {

    static final String COURSES = BASE + "/courses";

    @Test
    @TestSecurity(user = "edith.editor", roles = "learning-editor")
    void anEditorWritesADraftPublishesItWithAnEventAndArchivesIt() {
        String slug = "cloud-souveraen-" + UUID.randomUUID().toString().substring(0, 8);
        String id = given().contentType(ContentType.JSON).body(courseJson(slug, "Souverän in der Cloud", "CLOUD",
                        "FORTGESCHRITTEN", "SELF_PACED"))
                .post(COURSES).then().statusCode(201)
                .header("Location", containsString("/api/v1/learning/courses/"))
                .body("status", equalTo("DRAFT"))
                .body("modules[0].lessons[0].id", notNullValue())
                .body("modules[0].lessons[2].quiz.questions[0].options[0].correct", equalTo(true))
                .body("completion.criteria[0].type", equalTo("ALL_LESSONS"))
                .extract().path("id");
        String quizLesson = given().get(COURSES + "/" + id).then().statusCode(200).extract().path("modules[0].lessons[2].id");

        given().contentType(ContentType.JSON)
                .body("{\"aggregation\": \"ANY\", \"criteria\": [{\"type\": \"QUIZ_PASSED\", \"quizLessonId\": \"" + quizLesson + "\"},"
                        + " {\"type\": \"REQUIRED_LESSONS\"}]}")
                .put(COURSES + "/" + id + "/completion").then().statusCode(204);
        given().contentType(ContentType.JSON).body(courseJson(slug, "Souverän in der Cloud (neu)", "CLOUD",
                "FORTGESCHRITTEN", "SELF_PACED").replace("\"title\": \"Quiz\"", "\"id\": \"" + quizLesson + "\", \"title\": \"Quiz\""))
                .put(COURSES + "/" + id).then().statusCode(204);

        given().post(COURSES + "/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("title", equalTo("Souverän in der Cloud (neu)"))
                .body("modules[0].lessons[2].id", equalTo(quizLesson))
                .body("completion.aggregation", equalTo("ANY"));
        assertEquals(1, LearningFixtures.outboxEvents(CoursePublished.TYPE, id));
        var published = KafkaTopicReader.fromTestBroker()
                .readMatching("learning.events", r -> id.equals(r.key()), 1, LearningFixtures.WAIT);
        assertEquals(1, published.size());
        assertEquals(CoursePublished.TYPE, KafkaTopicReader.header(published.get(0), "ce_type"));

        given().contentType(ContentType.JSON).body(courseJson(slug, "Zu spät", "CLOUD", "EXPERT", "SELF_PACED"))
                .put(COURSES + "/" + id).then().statusCode(409).body("type", endsWith("/course-not-draft"));
        given().post(COURSES + "/" + id + "/publish").then().statusCode(409);
        given().post(COURSES + "/" + id + "/archive").then().statusCode(200).body("status", equalTo("ARCHIVED"));
        given().queryParam("status", "ARCHIVED").queryParam("size", 100).get(COURSES).then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    @TestSecurity(user = "paula.admin", roles = "platform-admin")
    void badCoursesAreRefusedNamingTheFieldAndNothingIsWritten() {
        String slug = "kaputt-" + UUID.randomUUID().toString().substring(0, 8);
        long before = courses();
        given().contentType(ContentType.JSON).body(courseJson(slug, "", "KI", "EINSTIEG", "SELF_PACED"))
                .post(COURSES).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("title"));
        given().contentType(ContentType.JSON).body(courseJson(slug, "T", "KI", "GURU", "SELF_PACED"))
                .post(COURSES).then().statusCode(400).body("errors.field", hasItem("level"));
        given().contentType(ContentType.JSON).body(courseJson(slug, "T", "ASTROLOGIE", "EINSTIEG", "SELF_PACED"))
                .post(COURSES).then().statusCode(422).body("errors.field", hasItem("topic"));
        given().contentType(ContentType.JSON).body(courseJson(slug, "T", "KI", "EINSTIEG", "SELF_PACED")
                        .replace("\"text\": \"Worum es geht.\"", "\"text\": \"\""))
                .post(COURSES).then().statusCode(422).body("errors.field", hasItem("modules[0].lessons[0].text"));
        given().contentType(ContentType.JSON).body(courseJson("Nicht Erlaubt", "T", "KI", "EINSTIEG", "SELF_PACED"))
                .post(COURSES).then().statusCode(400).body("errors.field", hasItem("slug"));
        given().contentType(ContentType.JSON).body("{\"slug\": ").post(COURSES).then().statusCode(400);
        given().queryParam("status", "WEG").get(COURSES).then().statusCode(400).body("errors.field", hasItem("status"));
        assertEquals(before, courses());

        String id = given().contentType(ContentType.JSON).body(courseJson(slug, "T", "KI", "EINSTIEG", "SELF_PACED"))
                .post(COURSES).then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(courseJson(slug, "Zweiter", "KI", "EINSTIEG", "SELF_PACED"))
                .post(COURSES).then().statusCode(409).body("type", endsWith("/course-slug-taken"));
        given().contentType(ContentType.JSON)
                .body("{\"aggregation\": \"ALL\", \"criteria\": [{\"type\": \"WORKSHOP_ATTENDED\"}]}")
                .put(COURSES + "/" + id + "/completion").then().statusCode(422)
                .body("errors.field", hasItem("criteria[0].type"));
        given().get(COURSES + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "paula.admin", roles = "platform-admin")
    void aCourseWithoutLessonsIsNotPublished() {
        String slug = "leer-" + UUID.randomUUID().toString().substring(0, 8);
        String body = courseJson(slug, "Leer", "KI", "EINSTIEG", "SELF_PACED");
        body = body.substring(0, body.indexOf("\"modules\"")) + "\"modules\": []}";
        String id = given().contentType(ContentType.JSON).body(body).post(COURSES).then().statusCode(201).extract().path("id");
        given().post(COURSES + "/" + id + "/publish").then().statusCode(422).body("errors.field", hasItem("modules"));
        assertEquals(0, LearningFixtures.outboxEvents(CoursePublished.TYPE, id));
    }

    @Test
    @TestSecurity(user = "paula.admin", roles = "platform-admin")
    void topicsAreAManagedList() {
        given().contentType(ContentType.JSON).body("{\"code\": \"OPEN_SOURCE\", \"label\": \"Open Source\"}")
                .post(BASE + "/topics").then().statusCode(201).header("Location", endsWith("/topics/OPEN_SOURCE"));
        given().get(BASE + "/topics/OPEN_SOURCE").then().statusCode(200).body("label", equalTo("Open Source"));
        given().contentType(ContentType.JSON).body("{\"code\": \"OPEN_SOURCE\", \"label\": \"Doppelt\"}")
                .post(BASE + "/topics").then().statusCode(409).body("type", endsWith("/topic-taken"));
        given().contentType(ContentType.JSON).body("{\"code\": \"klein\", \"label\": \"x\"}")
                .post(BASE + "/topics").then().statusCode(400).body("errors.field", hasItem("code"));
        given().get(BASE + "/topics").then().statusCode(200).body("code", hasItem("CYBERSECURITY"));
    }

    @Test
    void anonymousCallersGet401() {
        given().get(COURSES).then().statusCode(401).body("type", endsWith("/unauthorized"));
        given().contentType(ContentType.JSON).body(courseJson("x-y", "T", "KI", "EINSTIEG", "SELF_PACED"))
                .post(COURSES).then().statusCode(401);
        given().get(BASE + "/topics").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "sam.staff", roles = {"municipality-staff", "municipality-admin"})
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = "6c2c0000-0000-4000-8000-00000000000a"))
    void learnersMayNotAuthor() {
        long before = courses();
        given().contentType(ContentType.JSON).body(courseJson("verboten-" + UUID.randomUUID().toString().substring(0, 6),
                "T", "KI", "EINSTIEG", "SELF_PACED")).post(COURSES).then().statusCode(403)
                .body("type", endsWith("/forbidden"));
        given().get(COURSES).then().statusCode(403);
        given().post(COURSES + "/" + UUID.randomUUID() + "/publish").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"code\": \"X\", \"label\": \"x\"}")
                .post(BASE + "/topics").then().statusCode(403);
        assertEquals(before, courses());
        given().get(BASE + "/topics").then().statusCode(200).body("code", hasItem("KI"))
                .body("label", hasItem(containsString("Intelligenz")));
    }

    private static long courses() {
        return QuarkusTransaction.requiringNew().call(() -> Course.count());
    }
}
