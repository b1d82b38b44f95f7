package de.govtech.membership.municipalities;

import de.govtech.membership.Database;
import de.govtech.membership.TestData;
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
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Fee-relevant master data is under the association's control: a municipality admin's change of population, type,
 * official key or Land becomes a change request that only a platform admin accepts (applied, history, event) or
 * rejects (nothing changes); a platform admin's change applies directly. Every refusal.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "membership"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MunicipalityChangeRequestTest {

    private static final String API = "/api/v1/membership";
    private static final String MUNICIPALITIES = API + "/municipalities";
    private static final String REQUESTS = API + "/municipality-change-requests";
    private static final String TOWN = "9c000000-0000-4000-8000-00000000009c";
    private static final String KEY = "08999601";
    private static final String DECIDED = "https://govtech-kommunal.de/problems/change-request-decided";

    private static String populationRequest;
    private static String typeRequest;
    private static String concurrentRequest;

    @Inject
    DataSource dataSource;

    private static Map<String, Object> town(String name, int population, String asOf) {
        Map<String, Object> body = TestData.gemeinde(name, KEY);
        body.put("population", population);
        body.put("populationAsOf", asOf);
        return body;
    }

    private long figures() {
        return Database.count(dataSource, "select count(*) from municipality_population where municipality_id = ?::uuid", TOWN);
    }

    @Test
    @Order(1)
    @TestSecurity(user = "admin-wandel", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = TOWN))
    void aMunicipalityAdminsPopulationChangeBecomesARequestAndLeavesThePopulation() {
        given().contentType(ContentType.JSON).body(town("Gemeinde Wandel", 4711, "2023-12-31")).when().post(MUNICIPALITIES)
                .then().statusCode(201).body("population", equalTo(4711));
        assertEquals(1, figures());

        JsonPath created = given().contentType(ContentType.JSON).body(town("Gemeinde Wandel am See", 5210, "2025-12-31"))
                .when().put(MUNICIPALITIES + "/" + TOWN).then().statusCode(202)
                .body("status", equalTo("PENDING")).body("municipalityId", equalTo(TOWN)).body("requestedBy", equalTo("admin-wandel"))
                .body("changes.find { it.field == 'population' }.from", equalTo("4711"))
                .body("changes.find { it.field == 'population' }.to", equalTo("5210"))
                .body("populationAsOf", equalTo("2025-12-31"))
                .extract().jsonPath();
        populationRequest = created.getString("id");
        given().contentType(ContentType.JSON).body(town("Gemeinde Wandel am See", 5210, "2025-12-31"))
                .when().put(MUNICIPALITIES + "/" + TOWN).then().statusCode(202)
                .header("Location", endsWith(REQUESTS + "/" + populationRequest)).body("id", equalTo(populationRequest));

        given().when().get(MUNICIPALITIES + "/" + TOWN).then().statusCode(200)
                .body("population", equalTo(4711)).body("name", equalTo("Gemeinde Wandel am See"));
        assertEquals(1, figures());
        assertEquals(4711, Database.count(dataSource, "select population from municipality where id = ?::uuid", TOWN));

        given().contentType(ContentType.JSON).body(town("Gemeinde Wandel am See", 6000, "2025-12-31"))
                .when().put(MUNICIPALITIES + "/" + TOWN).then().statusCode(409)
                .body("type", equalTo("https://govtech-kommunal.de/problems/change-request-pending"));

        given().when().get(MUNICIPALITIES + "/" + TOWN + "/change-requests").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(populationRequest));
        given().when().get(REQUESTS + "/" + populationRequest).then().statusCode(200).body("status", equalTo("PENDING"));
        given().when().post(REQUESTS + "/" + populationRequest + "/accept").then().statusCode(403)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).when().post(REQUESTS + "/" + populationRequest + "/reject")
                .then().statusCode(403);
        given().when().get(REQUESTS).then().statusCode(403);
    }

    @Test
    @Order(2)
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void platformAdminAcceptsItTheFiguresApplyWithHistoryAndEvent() {
        assertNotNull(populationRequest);
        given().queryParam("status", "PENDING").queryParam("size", 100).when().get(REQUESTS).then().statusCode(200)
                .body("items.id", hasItem(populationRequest)).body("items.status", everyItem(equalTo("PENDING")));
        given().queryParam("status", "DONE").when().get(REQUESTS).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("status"));
        given().when().post(REQUESTS + "/" + UUID.randomUUID() + "/accept").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get(REQUESTS + "/" + UUID.randomUUID()).then().statusCode(404);
        given().when().get(MUNICIPALITIES + "/" + UUID.randomUUID() + "/change-requests").then().statusCode(404);

        given().when().post(REQUESTS + "/" + populationRequest + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("decidedBy", equalTo("platform-admin-1"))
                .body("changes.find { it.field == 'population' }.from", equalTo("4711"))
                .body("changes.find { it.field == 'population' }.to", equalTo("5210"));
        given().when().post(REQUESTS + "/" + populationRequest + "/accept").then().statusCode(409).body("type", equalTo(DECIDED));
        given().contentType(ContentType.JSON).body(Map.of("reason", "zu spät")).when()
                .post(REQUESTS + "/" + populationRequest + "/reject").then().statusCode(409).body("type", equalTo(DECIDED));

        given().when().get(MUNICIPALITIES + "/" + TOWN).then().statusCode(200).body("population", equalTo(5210));
        assertEquals(1, Database.count(dataSource, "select count(*) from municipality_population where municipality_id = ?::uuid"
                + " and population = 5210 and valid_from = date '2025-12-31'", TOWN));
        assertEquals(2, figures());

        List<ConsumerRecord<String, String>> events = KafkaTopicReader.fromTestBroker().readMatching("membership.events",
                r -> TOWN.equals(r.key()), 4, Duration.ofSeconds(30));
        assertEquals(4, events.size(), "registered, renamed twice, accepted");
        assertEquals("de.govtech.membership.municipality-updated.v1", KafkaTopicReader.header(events.get(3), "ce_type"));
        assertEquals(5210, new JsonPath(events.get(3).value()).getInt("population"));
        assertEquals(4711, new JsonPath(events.get(1).value()).getInt("population"));
        assertEquals(4711, new JsonPath(events.get(2).value()).getInt("population"));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "admin-wandel", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = TOWN))
    void aChangeOfTypeIsARequestToo() {
        Map<String, Object> body = town("Gemeinde Wandel am See", 5210, "2025-12-31");
        body.put("type", "STADT");
        typeRequest = given().contentType(ContentType.JSON).body(body).when().put(MUNICIPALITIES + "/" + TOWN)
                .then().statusCode(202).body("changes.field", equalTo(List.of("type"))).extract().path("id");
        given().when().get(MUNICIPALITIES + "/" + TOWN).then().body("type", equalTo("GEMEINDE"));
    }

    @Test
    @Order(4)
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void platformAdminRejectsWithAReasonAndNothingChanges() {
        long events = Database.count(dataSource, "select count(*) from outbox_event where aggregate_id = ?", TOWN);
        given().contentType(ContentType.JSON).body(Map.of()).when().post(REQUESTS + "/" + typeRequest + "/reject")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "Wandel ist keine Stadt")).when()
                .post(REQUESTS + "/" + typeRequest + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("decisionReason", equalTo("Wandel ist keine Stadt"));
        given().when().get(MUNICIPALITIES + "/" + TOWN).then().body("type", equalTo("GEMEINDE"));
        given().when().get(MUNICIPALITIES + "/" + TOWN + "/change-requests").then().statusCode(200).body("total", equalTo(2));
        assertEquals(events, Database.count(dataSource, "select count(*) from outbox_event where aggregate_id = ?", TOWN));
    }

    @Test
    @Order(5)
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void aPlatformAdminsChangeAppliesDirectly() {
        given().contentType(ContentType.JSON).body(town("Gemeinde Wandel am See", 7000, "2026-06-30"))
                .when().put(MUNICIPALITIES + "/" + TOWN).then().statusCode(204);
        given().when().get(MUNICIPALITIES + "/" + TOWN).then().body("population", equalTo(7000));
        given().when().get(MUNICIPALITIES + "/" + TOWN + "/change-requests").then().body("total", equalTo(2));
        assertEquals(3, figures());
        given().when().get(MUNICIPALITIES + "/" + TOWN + "/populations").then().statusCode(200).body("total", equalTo(3))
                .body("items.validFrom", equalTo(List.of("2026-06-30", "2025-12-31", "2023-12-31")))
                .body("items.population", equalTo(List.of(7000, 5210, 4711)))
                .body("items[1].source", equalTo("change request " + populationRequest))
                .body("items[1].recordedBy", equalTo("platform-admin-1"));
        given().when().get(MUNICIPALITIES + "/" + UUID.randomUUID() + "/populations").then().statusCode(404);
    }

    @Test
    @Order(6)
    @TestSecurity(user = "staff-wandel", roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = TOWN))
    void staffReadsTheRequestsButCannotDecide() {
        given().when().get(MUNICIPALITIES + "/" + TOWN + "/change-requests").then().statusCode(200).body("total", equalTo(2));
        given().when().get(MUNICIPALITIES + "/" + TOWN + "/populations").then().statusCode(200).body("total", equalTo(3));
        given().when().get(REQUESTS + "/" + typeRequest).then().statusCode(200);
        given().when().post(REQUESTS + "/" + typeRequest + "/accept").then().statusCode(403);
        given().when().get(REQUESTS).then().statusCode(403);
    }

    @Test
    @Order(7)
    @TestSecurity(user = "admin-b", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = TestData.MUNICIPALITY_B))
    void anotherMunicipalityReadsNoneOfIt() {
        given().when().get(MUNICIPALITIES + "/" + TOWN + "/change-requests").then().statusCode(403)
                .contentType("application/problem+json");
        given().when().get(REQUESTS + "/" + populationRequest).then().statusCode(403);
        given().when().get(MUNICIPALITIES + "/" + TestData.HEILBRONN + "/change-requests").then().statusCode(403);
        given().when().get(MUNICIPALITIES + "/" + TOWN + "/populations").then().statusCode(403);
    }

    @Test
    @Order(8)
    @TestSecurity(user = "admin-wandel", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = TOWN))
    void theMunicipalityAsksAgain() {
        concurrentRequest = given().contentType(ContentType.JSON).body(town("Gemeinde Wandel am See", 8000, "2026-09-30"))
                .when().put(MUNICIPALITIES + "/" + TOWN).then().statusCode(202).extract().path("id");
    }

    @Test
    @Order(9)
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void twoAdminsAcceptingAtTheSameMomentApplyItOnce() throws Exception {
        assertNotNull(concurrentRequest);
        long events = Database.count(dataSource, "select count(*) from outbox_event where aggregate_id = ?", TOWN);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> statuses = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return given().when().post(REQUESTS + "/" + concurrentRequest + "/accept").then().extract().statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> call : calls) {
                statuses.add(call.get());
            }
        } finally {
            pool.shutdownNow();
        }
        statuses.sort(Integer::compare);
        assertEquals(List.of(200, 409), statuses);
        assertEquals(events + 1, Database.count(dataSource, "select count(*) from outbox_event where aggregate_id = ?", TOWN));
        assertEquals(1, Database.count(dataSource, "select count(*) from municipality_population where municipality_id = ?::uuid"
                + " and population = 8000", TOWN));
        given().when().get(MUNICIPALITIES + "/" + TOWN).then().body("population", equalTo(8000));
    }

    @Test
    void anonymousCallersAreUnauthorized() {
        String any = UUID.randomUUID().toString();
        given().when().get(REQUESTS).then().statusCode(401).contentType("application/problem+json");
        given().when().get(REQUESTS + "/" + any).then().statusCode(401);
        given().when().post(REQUESTS + "/" + any + "/accept").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).when().post(REQUESTS + "/" + any + "/reject")
                .then().statusCode(401);
        given().when().get(MUNICIPALITIES + "/" + TOWN + "/change-requests").then().statusCode(401);
        given().when().get(MUNICIPALITIES + "/" + TOWN + "/populations").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "vendor-1", roles = "vendor")
    void vendorsAreForbidden() {
        given().when().get(REQUESTS).then().statusCode(403);
        given().when().get(MUNICIPALITIES + "/" + TOWN + "/change-requests").then().statusCode(403);
        given().when().get(MUNICIPALITIES + "/" + TOWN + "/populations").then().statusCode(403);
        given().when().post(REQUESTS + "/" + UUID.randomUUID() + "/accept").then().statusCode(403);
    }
}
