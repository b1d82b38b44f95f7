package de.govtech.membership.memberships;

import de.govtech.membership.Database;
import de.govtech.membership.TestData;
import de.govtech.membership.municipalities.OfficialKeys;
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
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static de.govtech.membership.TestData.HEILBRONN;
import static de.govtech.membership.TestData.MUNICIPALITY_B;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rejection, conflicts, the concurrent admission, and every refusal of the membership operations. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "membership"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class MembershipRulesTest {

    private static final String PATH = MembershipLifecycleTest.PATH;
    private static final String HEILBRONN_MEMBERSHIP = UUID.nameUUIDFromBytes(
            "govtech:founding-membership:08121000".getBytes(StandardCharsets.UTF_8)).toString();

    @Inject
    DataSource dataSource;

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void platformAdminRejectsWithAReasonAndTheMunicipalityMayApplyAgain() {
        String municipality = register("Gemeinde Ablehnungen", "08999301");
        String application = applyFor(municipality);
        given().contentType(ContentType.JSON).body(Map.of()).when().post(PATH + "/" + application + "/reject")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "x".repeat(1001))).when().post(PATH + "/" + application + "/reject")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "Unterlagen unvollständig"))
                .when().post(PATH + "/" + application + "/reject").then().statusCode(200).body("status", equalTo("REJECTED"));
        given().when().post(PATH + "/" + application + "/admit").then().statusCode(409)
                .body("type", equalTo("https://govtech-kommunal.de/problems/illegal-transition"));
        given().get(PATH + "/" + application + "/history").then().statusCode(200)
                .body("[1].to", equalTo("REJECTED")).body("[1].reason", equalTo("Unterlagen unvollständig"));
        applyFor(municipality);
        assertEquals(0, Database.count(dataSource, "select count(*) from outbox_event where aggregate_id = ?"
                + " and event_type like '%member-%'", municipality));
    }

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void applyingForAnUnknownMunicipalityOrAFoundingMemberIsRefused() {
        given().contentType(ContentType.JSON).body(Map.of("municipalityId", UUID.randomUUID().toString(), "statutesVersion", "2025-12-12"))
                .when().post(PATH).then().statusCode(422).body("errors.field", hasItem("municipalityId"));
        given().contentType(ContentType.JSON).body(Map.of("municipalityId", HEILBRONN, "statutesVersion", "2025-12-12"))
                .when().post(PATH).then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("municipalityId", "not-a-uuid", "statutesVersion", "2025-12-12"))
                .when().post(PATH).then().statusCode(400).body("errors.field", hasItem("municipalityId"));
        given().when().get(PATH + "/" + UUID.randomUUID()).then().statusCode(404);
        given().when().post(PATH + "/" + UUID.randomUUID() + "/admit").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void twoAdminsAdmittingAtTheSameMomentMakeOneMemberAndOneEvent() throws Exception {
        String municipality = register("Gemeinde Gleichzeitig", "08999302");
        String application = applyFor(municipality);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return given().when().post(PATH + "/" + application + "/admit").then().extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> call : calls) {
                statuses.add(call.get());
            }
            statuses.sort(Integer::compare);
            assertEquals(List.of(200, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Database.count(dataSource, "select count(*) from membership_transition t join membership m"
                + " on m.id = t.membership_id where m.municipality_id = ?::uuid and t.to_status = 'ACTIVE'", municipality));
        assertEquals(1, Database.count(dataSource, "select count(*) from outbox_event where aggregate_id = ? and event_type = ?",
                municipality, "de.govtech.membership.member-joined.v1"));
        assertEquals(1, KafkaTopicReader.fromTestBroker().readMatching("membership.events",
                r -> municipality.equals(r.key()) && KafkaTopicReader.header(r, "ce_type").contains("member-joined"),
                2, Duration.ofSeconds(5)).size());
    }

    @Test
    void anonymousCallersAreUnauthorized() {
        given().when().get(PATH).then().statusCode(401).contentType("application/problem+json");
        given().when().get(PATH + "/" + HEILBRONN_MEMBERSHIP).then().statusCode(401);
        given().when().get(PATH + "/" + HEILBRONN_MEMBERSHIP + "/history").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("municipalityId", HEILBRONN, "statutesVersion", "2025-12-12"))
                .when().post(PATH).then().statusCode(401);
        given().when().post(PATH + "/" + HEILBRONN_MEMBERSHIP + "/admit").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of()).when().post(PATH + "/" + HEILBRONN_MEMBERSHIP + "/give-notice").then().statusCode(401);
        given().when().post(PATH + "/end-due").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "vendor-1", roles = "vendor")
    void vendorsAreForbidden() {
        given().when().get(PATH).then().statusCode(403).contentType("application/problem+json");
        given().when().get(PATH + "/" + HEILBRONN_MEMBERSHIP).then().statusCode(403);
        given().when().get(PATH + "/" + HEILBRONN_MEMBERSHIP + "/history").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("municipalityId", HEILBRONN, "statutesVersion", "2025-12-12"))
                .when().post(PATH).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of()).when().post(PATH + "/" + HEILBRONN_MEMBERSHIP + "/give-notice").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .when().post(PATH + "/" + HEILBRONN_MEMBERSHIP + "/suspend").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "admin-b", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MUNICIPALITY_B))
    void municipalityAdminOfBCannotTouchHeilbronnsMembership() {
        given().when().get(PATH + "/" + HEILBRONN_MEMBERSHIP).then().statusCode(403).contentType("application/problem+json");
        given().when().get(PATH + "/" + HEILBRONN_MEMBERSHIP + "/history").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of()).when().post(PATH + "/" + HEILBRONN_MEMBERSHIP + "/give-notice").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("municipalityId", HEILBRONN, "statutesVersion", "2025-12-12"))
                .when().post(PATH).then().statusCode(403);
        given().queryParam("municipalityId", HEILBRONN).when().get(PATH).then().statusCode(200).body("total", equalTo(0));
        given().contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .when().post(PATH + "/" + HEILBRONN_MEMBERSHIP + "/suspend").then().statusCode(403);
        given().when().post(PATH + "/" + HEILBRONN_MEMBERSHIP + "/admit").then().statusCode(403);
        assertEquals(0, Database.count(dataSource, "select count(*) from membership_transition where membership_id = ?::uuid"
                + " and to_status <> 'ACTIVE'", HEILBRONN_MEMBERSHIP));
    }

    @Test
    @TestSecurity(user = "staff-heilbronn", roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = HEILBRONN))
    void staffReadsItsMembershipButCannotChangeIt() {
        given().when().get(PATH + "/" + HEILBRONN_MEMBERSHIP).then().statusCode(200)
                .body("founding", equalTo(true)).body("status", equalTo("ACTIVE")).body("joinedOn", equalTo("2025-12-12"));
        given().when().get(PATH + "/" + HEILBRONN_MEMBERSHIP + "/history").then().statusCode(200)
                .body("[0].to", equalTo("ACTIVE")).body("[0].actor", equalTo("system:founding-members"));
        given().when().get(PATH).then().statusCode(200).body("total", equalTo(1));
        given().contentType(ContentType.JSON).body(Map.of()).when().post(PATH + "/" + HEILBRONN_MEMBERSHIP + "/give-notice").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("municipalityId", HEILBRONN, "statutesVersion", "2025-12-12"))
                .when().post(PATH).then().statusCode(403);
    }

    private static String register(String name, String ags) {
        given().contentType(ContentType.JSON).body(TestData.gemeinde(name, ags)).when().post("/api/v1/membership/municipalities")
                .then().statusCode(201);
        return OfficialKeys.municipalityId(ags).toString();
    }

    private static String applyFor(String municipality) {
        return given().contentType(ContentType.JSON).body(Map.of("municipalityId", municipality, "statutesVersion", "2025-12-12"))
                .when().post(PATH).then().statusCode(201).body("status", equalTo("APPLIED")).extract().path("id");
    }
}
