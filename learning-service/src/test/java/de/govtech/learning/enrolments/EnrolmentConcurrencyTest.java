package de.govtech.learning.enrolments;

import de.govtech.learning.LearningFixtures;
import de.govtech.learning.courses.CourseFixtures;
import de.govtech.learning.courses.CourseFormat;
import de.govtech.learning.workshops.WorkshopFixtures;
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
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static de.govtech.learning.LearningFixtures.BASE;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 50 simultaneous enrolments for 10 seats against the real database: exactly 10 ENROLLED and 40 WAITLISTED with the
 * positions 1..40 — the session's row lock serialises them (remove the lock and this goes red).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "learning"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class EnrolmentConcurrencyTest {

    static final String MEMBER = "9d2c0000-0000-4000-8000-00000000000a";

    @Test
    @TestSecurity(user = "anna.admin", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void fiftySimultaneousEnrolmentsForTenSeatsNeverOverbook() throws Exception {
        LearningFixtures.activeMember(MEMBER);
        UUID course = CourseFixtures.published("ansturm-" + UUID.randomUUID().toString().substring(0, 8), "Ansturm",
                CourseFormat.LIVE_WORKSHOP).id;
        UUID session = WorkshopFixtures.session(course, 10);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Integer>> calls = IntStream.range(0, 50).<Callable<Integer>>mapToObj(i -> () -> {
                start.await();
                return given().contentType(ContentType.JSON)
                        .body("{\"courseId\": \"" + course + "\", \"workshopSessionId\": \"" + session
                                + "\", \"learnerId\": \"ansturm-" + i + "\", \"learnerName\": \"Person " + i + "\"}")
                        .post(BASE + "/enrolments").then().extract().statusCode();
            }).toList();
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                futures.add(pool.submit(call));
            }
            start.countDown();
            for (Future<Integer> future : futures) {
                assertEquals(201, future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<Enrolment> enrolments = EnrolmentFixtures.ofSession(session);
        assertEquals(10, enrolments.stream().filter(e -> e.status == EnrolmentStatus.ENROLLED).count());
        List<Integer> positions = enrolments.stream().filter(e -> e.status == EnrolmentStatus.WAITLISTED)
                .map(e -> e.waitlistPosition).sorted().toList();
        assertEquals(IntStream.rangeClosed(1, 40).boxed().toList(), positions);
    }
}
