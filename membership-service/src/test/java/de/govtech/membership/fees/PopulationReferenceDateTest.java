package de.govtech.membership.fees;

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
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The assessment takes each member's population figure valid at the schedule's reference date (Stichtag): a later
 * figure does not count, and a member without a figure at that date is reported as skipped and never invoiced.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "membership"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class PopulationReferenceDateTest {

    private static final String API = "/api/v1/membership";
    private static final String GROWING = OfficialKeys.municipalityId("08999701").toString();
    private static final String LATE_FIGURE = OfficialKeys.municipalityId("08999702").toString();
    private static final String NO_FIGURE = OfficialKeys.municipalityId("08999703").toString();

    @Inject
    DataSource dataSource;

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void theAssessmentUsesTheFigureValidAtTheStichtagAndSkipsMembersWithoutOne() {
        TestClock.today("2026-12-01");
        Map<String, Object> schedule = scheduleLike2026();
        schedule.remove("populationReferenceDate");
        given().contentType(ContentType.JSON).body(schedule).when().put(API + "/fees/schedules/2027").then()
                .statusCode(201).body("populationReferenceDate", equalTo("2025-12-31"));
        schedule.put("populationReferenceDate", "2027-01-01");
        given().contentType(ContentType.JSON).body(schedule).when().put(API + "/fees/schedules/2027").then()
                .statusCode(422).body("errors.field", hasItem("populationReferenceDate"));
        schedule.put("populationReferenceDate", "2026-06-30");
        given().contentType(ContentType.JSON).body(schedule).when().put(API + "/fees/schedules/2027").then()
                .statusCode(200).body("populationReferenceDate", equalTo("2026-06-30"));

        register("Gemeinde Wachstum", "08999701", 4000, "2025-12-31");
        register("Gemeinde Spätzahl", "08999702", 4500, "2026-09-30");
        register("Gemeinde Ohnezahl", "08999703", null, null);
        for (String municipality : new String[] {GROWING, LATE_FIGURE, NO_FIGURE}) {
            String membership = given().contentType(ContentType.JSON)
                    .body(Map.of("municipalityId", municipality, "statutesVersion", "2025-12-12"))
                    .when().post(API + "/memberships").then().statusCode(201).extract().path("id");
            given().when().post(API + "/memberships/" + membership + "/admit").then().statusCode(200);
        }
        Map<String, Object> grown = TestData.gemeinde("Gemeinde Wachstum", "08999701");
        grown.put("population", 60000);
        grown.put("populationAsOf", "2026-09-30");
        given().contentType(ContentType.JSON).body(grown).when().put(API + "/municipalities/" + GROWING).then().statusCode(204);

        JsonPath run = given().when().post(API + "/fees/assessments/2027").then().statusCode(201).extract().jsonPath();
        assertEquals("POPULATION_MISSING", run.getString("skipped.find { it.municipalityId == '" + LATE_FIGURE + "' }.reason"));
        assertEquals("POPULATION_MISSING", run.getString("skipped.find { it.municipalityId == '" + NO_FIGURE + "' }.reason"));

        JsonPath invoice = given().queryParam("municipalityId", GROWING).queryParam("year", 2027).when().get(API + "/fees/invoices")
                .then().statusCode(200).body("total", equalTo(1)).extract().jsonPath().setRootPath("items[0]");
        assertEquals(4000, invoice.getInt("population"));
        assertEquals("2026-06-30", invoice.getString("populationReferenceDate"));
        assertEquals("500.00", invoice.getString("annualFee"));
        assertEquals(0, Database.count(dataSource, "select count(*) from fee_invoice where year = 2027 and municipality_id in (?::uuid, ?::uuid)",
                LATE_FIGURE, NO_FIGURE));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> scheduleLike2026() {
        Map<String, Object> current = given().when().get(API + "/fees/schedules/2026").then().statusCode(200).extract().as(Map.class);
        Map<String, Object> schedule = new HashMap<>();
        schedule.put("version", "2027-test-1");
        schedule.put("example", true);
        schedule.put("description", "Test schedule: the amounts of 2026");
        schedule.put("scales", current.get("scales"));
        return schedule;
    }

    private static void register(String name, String ags, Integer population, String asOf) {
        Map<String, Object> body = TestData.gemeinde(name, ags);
        body.put("population", population);
        body.put("populationAsOf", asOf);
        given().contentType(ContentType.JSON).body(body).when().post(API + "/municipalities").then().statusCode(201);
    }
}
