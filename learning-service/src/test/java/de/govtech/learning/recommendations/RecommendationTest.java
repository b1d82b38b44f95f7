package de.govtech.learning.recommendations;

import de.govtech.learning.LearningFixtures;
import de.govtech.learning.courses.Course;
import de.govtech.learning.courses.CourseFixtures;
import de.govtech.learning.courses.CourseFormat;
import de.govtech.platform.events.marketplace.AppDeprovisioned;
import de.govtech.platform.events.marketplace.AppProvisioned;
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

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static de.govtech.learning.LearningFixtures.BASE;
import static de.govtech.learning.LearningFixtures.WAIT;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** app-provisioned → the linked published courses are recommended to the municipality's admin; app-deprovisioned → gone. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "learning"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class RecommendationTest {

    static final String RECOMMENDATIONS = BASE + "/recommendations";
    static final String MEMBER = "dc2c0000-0000-4000-8000-00000000000a";
    static final String OTHER = "dc2c0000-0000-4000-8000-00000000000b";
    static final UUID APP = UUID.fromString("dddd0000-0000-4000-8000-000000000001");

    static Course linkedCourse() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Course course = CourseFixtures.published("empfehlung-app", "Einführung in die App", CourseFormat.SELF_PACED);
            Course managed = Course.findById(course.id);
            managed.linkedAppIds.add(APP);
            return managed;
        });
    }

    @Test
    @TestSecurity(user = "anna.admin", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void aProvisionedAppBringsItsCoursesAndDeprovisioningTakesThemAway() {
        Course course = linkedCourse();
        UUID subscription = UUID.randomUUID();
        AppProvisioned provisioned = new AppProvisioned(subscription, APP, UUID.randomUUID(), UUID.fromString(MEMBER),
                "stackit:eu01", "https://app.example.de", Instant.now());
        LearningFixtures.send("marketplace.events", provisioned, provisioned,
                new AppProvisioned(UUID.randomUUID(), APP, UUID.randomUUID(), UUID.fromString(OTHER), "stackit:eu01", null,
                        Instant.now()));
        await().atMost(WAIT).until(() -> given().get(RECOMMENDATIONS).then().extract().jsonPath()
                .getList("items.courseId").contains(course.id.toString()));
        given().get(RECOMMENDATIONS).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].appIds", equalTo(List.of(APP.toString())))
                .body("items[0].municipalityId", equalTo(MEMBER))
                .body("items.municipalityId", not(hasItem(OTHER)));

        LearningFixtures.send("marketplace.events", new AppDeprovisioned(subscription, APP, UUID.fromString(MEMBER), Instant.now()));
        await().atMost(WAIT).until(() -> !given().get(RECOMMENDATIONS).then().extract().jsonPath()
                .getList("items.courseId").contains(course.id.toString()));
    }

    @Test
    @TestSecurity(user = "sam.staff", roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void staffGet403() {
        given().get(RECOMMENDATIONS).then().statusCode(403);
    }

    @Test
    void anonymousCallersGet401() {
        given().get(RECOMMENDATIONS).then().statusCode(401);
    }
}
