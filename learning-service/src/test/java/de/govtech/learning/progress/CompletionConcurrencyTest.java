package de.govtech.learning.progress;

import de.govtech.learning.LearningFixtures;
import de.govtech.learning.courses.CompletionCriteria;
import de.govtech.learning.courses.Course;
import de.govtech.learning.courses.CourseFixtures;
import de.govtech.learning.courses.CourseFormat;
import de.govtech.learning.courses.CourseLevel;
import de.govtech.learning.courses.Lesson;
import de.govtech.learning.enrolments.EnrolmentFixtures;
import de.govtech.learning.enrolments.EnrolmentStatus;
import de.govtech.platform.events.learning.CourseCompleted;
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
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static de.govtech.learning.LearningFixtures.BASE;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The last two lessons completed at the same moment still complete the course, exactly once: progress is recorded and
 * evaluated under a row lock on the enrolment (without it, each request misses the other's lesson, or both complete).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "learning"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class CompletionConcurrencyTest {

    static final String MEMBER = "ec2c0000-0000-4000-8000-00000000000a";
    static final String LEARNER = "gleichzeitig";
    static final int ROUNDS = 40;

    @Test
    @TestSecurity(user = LEARNER, roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void theLastTwoLessonsAtOnceCompleteTheCourseExactlyOnce() throws Exception {
        LearningFixtures.activeMember(MEMBER);
        CompletionCriteria required = new CompletionCriteria(CompletionCriteria.Aggregation.ALL,
                List.of(new CompletionCriteria.Criterion(CompletionCriteria.CriterionType.ALL_LESSONS, null)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Course course = CourseFixtures.published("gleichzeitig-" + round, "Gleichzeitig " + round, "DATEN",
                        CourseLevel.EINSTIEG, CourseFormat.SELF_PACED, required);
                String enrolment = EnrolmentFixtures.enrolled(MEMBER, course.id, null, LEARNER);
                List<Lesson> lessons = course.lessons();
                passQuiz(enrolment, lessons.get(2));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> calls = new ArrayList<>();
                for (Lesson lesson : lessons.subList(0, 2)) {
                    calls.add(pool.submit(() -> {
                        start.await();
                        return given().post(BASE + "/enrolments/" + enrolment + "/lessons/" + lesson.id() + "/complete")
                                .then().extract().statusCode();
                    }));
                }
                start.countDown();
                for (Future<Integer> call : calls) {
                    assertEquals(200, call.get());
                }
                assertEquals(EnrolmentStatus.COMPLETED, EnrolmentFixtures.enrolment(UUID.fromString(enrolment)).status,
                        "round " + round);
                assertEquals(1, LearningFixtures.outboxEvents(CourseCompleted.TYPE, enrolment), "round " + round);
                assertEquals(1L, certificatesOf(enrolment), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void passQuiz(String enrolment, Lesson quiz) {
        var q1 = quiz.quiz().questions().get(0);
        var q2 = quiz.quiz().questions().get(1);
        String body = "{\"answers\": [{\"questionId\": \"" + q1.id() + "\", \"optionIds\": [\"" + q1.options().get(0).id()
                + "\"]}, {\"questionId\": \"" + q2.id() + "\", \"optionIds\": [\"" + q2.options().get(0).id() + "\", \""
                + q2.options().get(2).id() + "\"]}]}";
        given().contentType("application/json").body(body)
                .post(BASE + "/enrolments/" + enrolment + "/quizzes/" + quiz.id() + "/attempts").then().statusCode(201);
    }

    private static long certificatesOf(String enrolment) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) de.govtech.learning.courses.Course.getEntityManager()
                .createNativeQuery("select count(*) from certificate where enrolment_id = cast(:id as uuid)")
                .setParameter("id", enrolment).getSingleResult()).longValue());
    }
}
