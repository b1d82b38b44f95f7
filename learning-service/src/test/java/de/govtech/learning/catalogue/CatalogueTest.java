package de.govtech.learning.catalogue;

import de.govtech.learning.LearningFixtures;
import de.govtech.learning.courses.CourseFixtures;
import de.govtech.learning.courses.CourseFormat;
import de.govtech.learning.courses.CourseLevel;
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

import static de.govtech.learning.LearningFixtures.BASE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** The catalogue: published courses only, for staff of ACTIVE members, German full-text search, filters, paging. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "learning"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class CatalogueTest {

    static final String CATALOGUE = BASE + "/catalogue/courses";
    static final String MEMBER = "7c2c0000-0000-4000-8000-00000000000a";
    static final String SUSPENDED = "7c2c0000-0000-4000-8000-00000000000b";
    static final String STRANGER = "7c2c0000-0000-4000-8000-0000000000ee";

    @BeforeEach
    void seed() {
        LearningFixtures.activeMember(MEMBER);
        if (LearningFixtures.memberStatus(SUSPENDED) == null) {
            LearningFixtures.activeMember(SUSPENDED);
            LearningFixtures.suspend(SUSPENDED);
        }
        CourseFixtures.published("kat-phishing-erkennen", "Phishing-Mails erkennen", "CYBERSECURITY",
                CourseLevel.EINSTIEG, CourseFormat.SELF_PACED, null);
        CourseFixtures.published("kat-sicherheit-cloud", "Sicherheitskonzepte für Cloud-Dienste", "CYBERSECURITY",
                CourseLevel.EXPERT, CourseFormat.LIVE_WORKSHOP, null);
        CourseFixtures.published("kat-ki-texte", "Texte schreiben mit Sprachmodellen", "KI",
                CourseLevel.FORTGESCHRITTEN, CourseFormat.BLENDED, null);
    }

    @Test
    @TestSecurity(user = "sam.staff", roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void staffOfAnActiveMemberSearchWithGermanStemmingAndFilters() {
        given().queryParam("q", "Sprachmodell").get(CATALOGUE).then().statusCode(200)
                .body("items.slug", contains("kat-ki-texte"));
        given().queryParam("q", "Phishing Mail").get(CATALOGUE).then().statusCode(200)
                .body("items.slug", contains("kat-phishing-erkennen"));
        given().queryParam("topic", "CYBERSECURITY").queryParam("level", "expert").queryParam("size", 100)
                .get(CATALOGUE).then().statusCode(200).body("items.slug", contains("kat-sicherheit-cloud"));
        given().queryParam("format", "BLENDED").queryParam("topic", "KI").queryParam("size", 100).get(CATALOGUE)
                .then().statusCode(200).body("items.slug", hasItem("kat-ki-texte"))
                .body("items.slug", not(hasItem("kat-phishing-erkennen")));
        given().queryParam("topic", "CYBERSECURITY").queryParam("size", 1).queryParam("page", 1).get(CATALOGUE)
                .then().statusCode(200).body("items", hasSize(1)).body("page", equalTo(1))
                .body("total", equalTo(2));
    }

    @Test
    @TestSecurity(user = "sam.staff", roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void learnersNeverSeeQuizAnswersOrDrafts() {
        String body = given().get(CATALOGUE + "/kat-ki-texte").then().statusCode(200)
                .body("modules[0].lessons[2].kind", equalTo("QUIZ"))
                .body("modules[0].lessons[2].quiz.questions[0].options[0].text", equalTo("Ja"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("correct"), body);
        given().get(CATALOGUE + "/gibt-es-nicht").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "sam.staff", roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void malformedFiltersAre400NamingTheParameter() {
        given().queryParam("level", "GURU").get(CATALOGUE).then().statusCode(400).body("errors.field", hasItem("level"));
        given().queryParam("format", "PODCAST").get(CATALOGUE).then().statusCode(400).body("errors.field", hasItem("format"));
        given().queryParam("size", 0).get(CATALOGUE).then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "nina.fremd", roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = STRANGER))
    void staffOfANonMemberGet403MembershipRequired() {
        given().get(CATALOGUE).then().statusCode(403).body("type", endsWith("/membership-required"));
        given().get(CATALOGUE + "/kat-ki-texte").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "susi.ruht", roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = SUSPENDED))
    void staffOfASuspendedMemberGet403() {
        given().get(CATALOGUE).then().statusCode(403).body("type", endsWith("/membership-suspended"));
    }

    @Test
    @TestSecurity(user = "vera.vendor", roles = "vendor")
    void otherRolesGet403() {
        given().get(CATALOGUE).then().statusCode(403).body("type", endsWith("/forbidden"));
    }

    @Test
    void anonymousCallersGet401() {
        given().get(CATALOGUE).then().statusCode(401);
    }
}
