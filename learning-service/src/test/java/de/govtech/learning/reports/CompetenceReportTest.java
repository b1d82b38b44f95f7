package de.govtech.learning.reports;

import de.govtech.learning.LearningFixtures;
import de.govtech.learning.courses.CourseFixtures;
import de.govtech.learning.courses.CourseFormat;
import de.govtech.learning.courses.CourseLevel;
import de.govtech.learning.enrolments.EnrolmentFixtures;
import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static de.govtech.learning.LearningFixtures.BASE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The competence report: own staff for municipality admins, all for platform admins, JSON and CSV. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "learning"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class CompetenceReportTest {

    static final String REPORT = BASE + "/reports/competence";
    static final String MEMBER = "cc2c0000-0000-4000-8000-00000000000a";
    static final String OTHER = "cc2c0000-0000-4000-8000-00000000000b";
    static boolean seeded;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        LearningFixtures.activeMember(MEMBER);
        LearningFixtures.activeMember(OTHER);
        UUID ki = CourseFixtures.published("bericht-ki", "Bericht KI", "KI", CourseLevel.EINSTIEG, CourseFormat.SELF_PACED, null).id;
        UUID ki2 = CourseFixtures.published("bericht-ki-2", "Bericht KI 2", "KI", CourseLevel.EINSTIEG, CourseFormat.SELF_PACED, null).id;
        UUID cloud = CourseFixtures.published("bericht-cloud", "Bericht Cloud", "CLOUD", CourseLevel.EXPERT, CourseFormat.SELF_PACED, null).id;
        EnrolmentFixtures.completed(MEMBER, ki, "bericht-a", Instant.parse("2026-01-15T10:00:00Z"));
        EnrolmentFixtures.completed(MEMBER, ki2, "bericht-a", Instant.parse("2026-03-31T22:30:00Z"));
        EnrolmentFixtures.completed(MEMBER, ki, "bericht-b", Instant.parse("2026-04-02T10:00:00Z"));
        EnrolmentFixtures.completed(MEMBER, cloud, "bericht-b", Instant.parse("2026-05-02T10:00:00Z"));
        EnrolmentFixtures.enrolled(MEMBER, cloud, null, "bericht-c");
        EnrolmentFixtures.completed(OTHER, cloud, "bericht-x", Instant.parse("2026-05-02T10:00:00Z"));
        seeded = true;
    }

    @Test
    @TestSecurity(user = "anna.admin", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void aMunicipalityAdminSeesItsStaffPerTopicLevelAndQuarter() {
        given().get(REPORT).then().statusCode(200)
                .body("municipalityId", equalTo(MEMBER))
                .body("byTopicAndLevel.find { it.topic == 'KI' }.learners", equalTo(2))
                .body("byTopicAndLevel.find { it.topic == 'KI' }.completions", equalTo(3))
                .body("byTopicAndLevel.find { it.topic == 'CLOUD' }.completions", equalTo(1))
                .body("byQuarter.find { it.quarter == '2026-Q1' }.completions", equalTo(1))
                .body("byQuarter.find { it.quarter == '2026-Q2' }.completions", equalTo(3))
                .body("rows.municipalityId", everyItem(equalTo(MEMBER)));
        given().queryParam("municipalityId", OTHER).get(REPORT).then().statusCode(403);
        given().queryParam("municipalityId", "kaputt").get(REPORT).then().statusCode(400)
                .body("errors.field", hasItem("municipalityId"));
    }

    @Test
    @TestSecurity(user = "anna.admin", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void theReportExportsAsCsv() {
        String csv = given().accept("text/csv").get(REPORT).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("municipality_id,municipality_name,quarter,topic,level,learners,completions", lines[0]);
        // 2026-03-31T22:30Z is already 1 April in Berlin: the second KI completion of bericht-a counts for Q2
        assertTrue(csv.contains(MEMBER + ",Gemeinde cc2c0000,2026-Q1,KI,EINSTIEG,1,1\r\n"), csv);
        assertTrue(csv.contains(MEMBER + ",Gemeinde cc2c0000,2026-Q2,KI,EINSTIEG,2,2\r\n"), csv);
        assertTrue(!csv.contains(OTHER), csv);
    }

    @Test
    @TestSecurity(user = "paula.admin", roles = "platform-admin")
    void aPlatformAdminSeesEveryMunicipalityOrOne() {
        given().queryParam("size", 100).get(REPORT).then().statusCode(200)
                .body("rows.municipalityId", hasItem(MEMBER)).body("rows.municipalityId", hasItem(OTHER));
        given().queryParam("municipalityId", OTHER).get(REPORT).then().statusCode(200)
                .body("rows.municipalityId", everyItem(equalTo(OTHER)));
    }

    @Test
    @TestSecurity(user = "sam.staff", roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void staffGet403() {
        given().get(REPORT).then().statusCode(403);
    }

    @Test
    void anonymousCallersGet401() {
        given().get(REPORT).then().statusCode(401).contentType(startsWith("application/problem+json"));
    }
}
