package de.govtech.membership.fees;

import de.govtech.membership.Database;
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
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static de.govtech.membership.TestData.HEILBRONN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Platform admins manage fee schedules; everybody else is refused; an inconsistent schedule writes nothing. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "membership"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class FeeScheduleResourceTest {

    static final String SCHEDULES = "/api/v1/membership/fees/schedules";
    private static final String[] TYPES = {"GEMEINDE", "STADT", "KREISFREIE_STADT", "LANDKREIS", "AMT_VERBANDSGEMEINDE"};

    @Inject
    DataSource dataSource;

    static Map<String, Object> band(Integer from, Integer to, Object fee) {
        Map<String, Object> band = new HashMap<>();
        band.put("from", from);
        band.put("to", to);
        band.put("annualFee", fee);
        return band;
    }

    static Map<String, Object> scale(String type) {
        Map<String, Object> scale = new HashMap<>();
        scale.put("type", type);
        scale.put("minimumFee", "300.00");
        scale.put("maximumFee", "9000.00");
        scale.put("foundingMemberDiscountPercent", "10");
        scale.put("bands", new ArrayList<>(List.of(band(0, 10000, "300.00"), band(10000, null, 9000))));
        return scale;
    }

    /** A complete valid schedule; tests change one value of it. */
    static Map<String, Object> schedule(String version) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", version);
        body.put("example", false);
        body.put("description", "Beitragsordnung " + version);
        List<Map<String, Object>> scales = new ArrayList<>();
        for (String type : TYPES) {
            scales.add(scale(type));
        }
        body.put("scales", scales);
        return body;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> firstScale(Map<String, Object> schedule) {
        return ((List<Map<String, Object>>) schedule.get("scales")).get(0);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> firstBands(Map<String, Object> schedule) {
        return (List<Map<String, Object>>) firstScale(schedule).get("bands");
    }

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void theSeededSchedulesAreMarkedAsExamples() {
        given().when().get(SCHEDULES).then().statusCode(200)
                .body("items.validFromYear", hasItems(2026, 2025)).body("page", equalTo(0)).body("size", equalTo(20));
        given().when().get(SCHEDULES + "/2026").then().statusCode(200)
                .body("version", equalTo("2026-example-1")).body("example", equalTo(true))
                .body("description", org.hamcrest.Matchers.containsString("EXAMPLE"))
                .body("scales", hasSize(5)).body("scales.type", hasItems(TYPES))
                .body("scales.find { it.type == 'LANDKREIS' }.bands.annualFee",
                        equalTo(List.of("6000.00", "9000.00", "12000.00", "15000.00")))
                .body("scales.find { it.type == 'GEMEINDE' }.foundingMemberDiscountPercent", equalTo("20.00"))
                .body("scales.find { it.type == 'GEMEINDE' }.minimumFee", equalTo("400.00"));
        given().when().get(SCHEDULES + "/2024").then().statusCode(404).contentType("application/problem+json");
        given().when().get(SCHEDULES + "/1999").then().statusCode(400).body("errors.field", hasItem("year"));
        given().queryParam("size", 101).when().get(SCHEDULES).then().statusCode(400).body("errors.field", hasItem("size"));
    }

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void aPlatformAdminCreatesAndReplacesAYearsSchedule() {
        given().contentType(ContentType.JSON).body(schedule("2030-1")).when().put(SCHEDULES + "/2030").then().statusCode(201)
                .header("Location", endsWith("/api/v1/membership/fees/schedules/2030"))
                .body("validFromYear", equalTo(2030)).body("version", equalTo("2030-1")).body("example", equalTo(false))
                .body("updatedBy", equalTo("platform-admin-1"))
                .body("scales[0].bands[1].annualFee", equalTo("9000.00")).body("scales[0].bands[1].to", equalTo(null))
                .body("scales[0].foundingMemberDiscountPercent", equalTo("10.00"));
        given().queryParam("type", "STADT").queryParam("population", 9999).queryParam("year", 2031).when()
                .get(FeeQuoteTest.QUOTE).then().statusCode(200).body("annualFee", equalTo("300.00"))
                .body("scheduleVersion", equalTo("2030-1")).body("exampleSchedule", equalTo(false));

        Map<String, Object> replacement = schedule("2030-2");
        firstBands(replacement).set(0, band(0, 20000, "450.50"));
        firstBands(replacement).set(1, band(20000, null, "9000.00"));
        given().contentType(ContentType.JSON).body(replacement).when().put(SCHEDULES + "/2030").then().statusCode(200)
                .body("version", equalTo("2030-2")).body("scales.find { it.type == 'GEMEINDE' }.bands.to", equalTo(
                        java.util.Arrays.asList(20000, null)));
        given().queryParam("type", "GEMEINDE").queryParam("population", 19999).queryParam("year", 2030).when()
                .get(FeeQuoteTest.QUOTE).then().statusCode(200).body("annualFee", equalTo("450.50"))
                .body("scheduleVersion", equalTo("2030-2"));
        assertEquals(10, Database.count(dataSource, "select count(*) from fee_band b join fee_scale s on s.id = b.scale_id"
                + " where s.valid_from_year = 2030"));
    }

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void inconsistentSchedulesAreRefusedNamingTheFieldAndWriteNothing() {
        Map<String, Object> overlapping = schedule("2031-1");
        firstBands(overlapping).set(1, band(9999, null, "9000"));
        refuse(overlapping, 422, "scales[0].bands[1].from");

        Map<String, Object> gapped = schedule("2031-1");
        firstBands(gapped).set(1, band(10001, null, "9000"));
        refuse(gapped, 422, "scales[0].bands[1].from");

        Map<String, Object> minAboveMax = schedule("2031-1");
        firstScale(minAboveMax).put("minimumFee", "9000.01");
        refuse(minAboveMax, 422, "scales[0].minimumFee");

        Map<String, Object> notOpenEnded = schedule("2031-1");
        firstBands(notOpenEnded).set(1, band(10000, 20000, "9000"));
        refuse(notOpenEnded, 422, "scales[0].bands[1].to");

        Map<String, Object> missingType = schedule("2031-1");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> scales = (List<Map<String, Object>>) missingType.get("scales");
        scales.remove(4);
        refuse(missingType, 422, "scales");

        Map<String, Object> negative = schedule("2031-1");
        firstBands(negative).set(0, band(0, 10000, "-1.00"));
        refuse(negative, 400, "scales[0].bands[0].annualFee");

        Map<String, Object> fractionOfACent = schedule("2031-1");
        firstScale(fractionOfACent).put("maximumFee", "9000.001");
        refuse(fractionOfACent, 400, "scales[0].maximumFee");

        Map<String, Object> unknownType = schedule("2031-1");
        firstScale(unknownType).put("type", "DORF");
        refuse(unknownType, 400, "scales[0].type");

        Map<String, Object> notAnAmount = schedule("2031-1");
        firstScale(notAnAmount).put("minimumFee", "viel");
        refuse(notAnAmount, 400, "scales[0].minimumFee");

        Map<String, Object> noVersion = schedule("2031-1");
        noVersion.remove("version");
        refuse(noVersion, 400, "version");

        Map<String, Object> discountAbove100 = schedule("2031-1");
        firstScale(discountAbove100).put("foundingMemberDiscountPercent", "100.01");
        refuse(discountAbove100, 400, "scales[0].foundingMemberDiscountPercent");

        Map<String, Object> negativePopulation = schedule("2031-1");
        firstBands(negativePopulation).set(0, band(-1, 10000, "300"));
        refuse(negativePopulation, 400, "scales[0].bands[0].from");

        given().contentType(ContentType.JSON).body(schedule("1999-1")).when().put(SCHEDULES + "/1999").then().statusCode(400)
                .body("errors.field", hasItem("year"));
        assertEquals(0, Database.count(dataSource, "select count(*) from fee_schedule where valid_from_year in (1999, 2031)"));
        assertEquals(0, Database.count(dataSource, "select count(*) from fee_scale where valid_from_year in (1999, 2031)"));

        // a refused replacement leaves the stored schedule as it was
        Map<String, Object> badReplacement = schedule("2026-broken");
        firstScale(badReplacement).put("minimumFee", "9000.01");
        given().contentType(ContentType.JSON).body(badReplacement).when().put(SCHEDULES + "/2026").then().statusCode(422);
        given().when().get(SCHEDULES + "/2026").then().statusCode(200).body("version", equalTo("2026-example-1"))
                .body("scales", hasSize(5));
    }

    private static void refuse(Map<String, Object> body, int status, String field) {
        given().contentType(ContentType.JSON).body(body).when().put(SCHEDULES + "/2031").then().statusCode(status)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    @Test
    void anonymousCallersAreUnauthorized() {
        given().when().get(SCHEDULES).then().statusCode(401).contentType("application/problem+json");
        given().when().get(SCHEDULES + "/2026").then().statusCode(401);
        given().contentType(ContentType.JSON).body(schedule("x")).when().put(SCHEDULES + "/2032").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "admin-heilbronn", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = HEILBRONN))
    void municipalityAdminsAreForbidden() {
        refusedWith403();
    }

    @Test
    @TestSecurity(user = "staff-heilbronn", roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = HEILBRONN))
    void municipalityStaffIsForbidden() {
        refusedWith403();
    }

    @Test
    @TestSecurity(user = "vendor-1", roles = "vendor")
    void vendorsAreForbidden() {
        refusedWith403();
    }

    private void refusedWith403() {
        given().when().get(SCHEDULES).then().statusCode(403).contentType("application/problem+json");
        given().when().get(SCHEDULES + "/2026").then().statusCode(403);
        given().contentType(ContentType.JSON).body(schedule("x")).when().put(SCHEDULES + "/2032").then().statusCode(403);
        assertEquals(0, Database.count(dataSource, "select count(*) from fee_schedule where valid_from_year = 2032"));
    }
}
