package de.govtech.membership.fees;

import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** The public fee calculator against the seeded example schedules, at every band edge of every type. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "membership"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class FeeQuoteTest {

    static final String QUOTE = "/api/v1/membership/fees/quote";

    /** The seeded example scales: the bands' lower bounds after 0, and the fee of each band. */
    private record Scale(List<Integer> edges, List<String> fees) {
    }

    private static final Map<String, Scale> SEEDED = Map.of(
            "GEMEINDE", new Scale(List.of(5000, 10000, 20000, 50000, 100000),
                    List.of("500.00", "1000.00", "2000.00", "4000.00", "7500.00", "12000.00")),
            "STADT", new Scale(List.of(5000, 10000, 20000, 50000, 100000),
                    List.of("500.00", "1000.00", "2000.00", "4000.00", "7500.00", "12000.00")),
            "KREISFREIE_STADT", new Scale(List.of(50000, 100000, 250000, 500000),
                    List.of("5000.00", "8000.00", "12000.00", "18000.00", "25000.00")),
            "LANDKREIS", new Scale(List.of(100000, 200000, 300000), List.of("6000.00", "9000.00", "12000.00", "15000.00")),
            "AMT_VERBANDSGEMEINDE", new Scale(List.of(10000, 25000), List.of("1000.00", "2000.00", "3000.00")));

    private static ValidatableResponse quote(String type, int population, int year) {
        return given().queryParam("type", type).queryParam("population", population).queryParam("year", year)
                .when().get(QUOTE).then().statusCode(200).contentType("application/json");
    }

    @Test
    void everyBandEdgeOfEveryTypeWithoutLogin() {
        int checked = 0;
        for (var entry : SEEDED.entrySet()) {
            String type = entry.getKey();
            List<Integer> edges = entry.getValue().edges();
            List<String> fees = entry.getValue().fees();
            quote(type, 0, 2026).body("annualFee", equalTo(fees.get(0))).body("band.from", equalTo(0))
                    .body("band.to", equalTo(edges.get(0)));
            for (int i = 0; i < edges.size(); i++) {
                int edge = edges.get(i);
                Integer upper = i + 1 < edges.size() ? edges.get(i + 1) : null;
                quote(type, edge - 1, 2026).body("annualFee", equalTo(fees.get(i))).body("band.to", equalTo(edge));
                quote(type, edge, 2026).body("annualFee", equalTo(fees.get(i + 1))).body("band.from", equalTo(edge))
                        .body("band.to", equalTo(upper)).body("band.annualFee", equalTo(fees.get(i + 1)));
                checked += 2;
            }
            quote(type, 100_000_000, 2026).body("annualFee", equalTo(fees.get(fees.size() - 1)))
                    .body("band.to", nullValue());
        }
        org.junit.jupiter.api.Assertions.assertEquals(38, checked);
    }

    @Test
    void theQuoteNamesTheScheduleAndSaysItIsAnExample() {
        quote("GEMEINDE", 4711, 2026)
                .body("type", equalTo("GEMEINDE")).body("population", equalTo(4711)).body("year", equalTo(2026))
                .body("annualFee", equalTo("500.00")).body("currency", equalTo("EUR"))
                .body("scheduleValidFromYear", equalTo(2026)).body("scheduleVersion", equalTo("2026-example-1"))
                .body("exampleSchedule", equalTo(true));
        quote("GEMEINDE", 4711, 2025).body("scheduleValidFromYear", equalTo(2025)).body("scheduleVersion", equalTo("2025-example-1"));
        // a year without its own schedule uses the latest earlier one (schedule tests create theirs from 2030 on)
        quote("LANDKREIS", 274484, 2028).body("scheduleValidFromYear", equalTo(2026)).body("annualFee", equalTo("12000.00"));
    }

    @Test
    void theYearDefaultsToTheCurrentYear() {
        int thisYear = LocalDate.now(ZoneId.of("Europe/Berlin")).getYear();
        given().queryParam("type", "stadt").queryParam("population", 12245).when().get(QUOTE).then().statusCode(200)
                .body("year", equalTo(thisYear)).body("type", equalTo("STADT")).body("annualFee", equalTo("2000.00"));
    }

    @Test
    void malformedQuestionsNameTheParameter() {
        given().queryParam("population", 100).when().get(QUOTE).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("type"));
        given().queryParam("type", "DORF").queryParam("population", 100).when().get(QUOTE).then().statusCode(400)
                .body("type", equalTo("https://govtech-kommunal.de/problems/validation-failed"))
                .body("errors.field", equalTo(List.of("type")));
        given().queryParam("type", "GEMEINDE").when().get(QUOTE).then().statusCode(400).body("errors.field", hasItem("population"));
        given().queryParam("type", "GEMEINDE").queryParam("population", -1).when().get(QUOTE).then().statusCode(400)
                .body("errors.field", hasItem("population"));
        given().queryParam("type", "GEMEINDE").queryParam("population", "viele").when().get(QUOTE).then().statusCode(400)
                .body("errors.field", hasItem("population"));
        given().queryParam("type", "GEMEINDE").queryParam("population", 100).queryParam("year", "nächstes").when().get(QUOTE)
                .then().statusCode(400).body("errors.field", hasItem("year"));
        given().queryParam("type", "GEMEINDE").queryParam("population", 100).queryParam("year", 2024).when().get(QUOTE)
                .then().statusCode(422).body("type", equalTo("https://govtech-kommunal.de/problems/no-fee-schedule"))
                .body("errors.field", hasItem("year"));
    }

    @Test
    @TestSecurity(user = "vendor-1", roles = "vendor")
    void anyoneMayAskAlsoWithAToken() {
        quote("AMT_VERBANDSGEMEINDE", 9738, 2026).body("annualFee", equalTo("1000.00"));
    }
}
