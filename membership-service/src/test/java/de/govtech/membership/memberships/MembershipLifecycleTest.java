package de.govtech.membership.memberships;

import de.govtech.platform.testkit.TestClock;
import de.govtech.membership.TestData;
import de.govtech.platform.support.time.PlatformClock;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static de.govtech.membership.TestData.MUNICIPALITY_C;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole lifecycle of one membership, step by step with the caller each step needs (one caller per test
 * method): apply → admit → suspend → reinstate → notice → end, and the events on membership.events.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "membership"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MembershipLifecycleTest {

    static final String PATH = "/api/v1/membership/memberships";

    private static String membershipId;
    private static LocalDate leavesOn;

    @Test
    @Order(1)
    @TestSecurity(user = "admin-c", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MUNICIPALITY_C))
    void municipalityAdminRegistersItsMunicipalityAndApplies() {
        Map<String, Object> body = TestData.gemeinde("Gemeinde C-Stadt", "08999201");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/membership/municipalities")
                .then().statusCode(201);

        given().contentType(ContentType.JSON).body(Map.of("municipalityId", MUNICIPALITY_C, "statutesVersion", "2024-01-01"))
                .when().post(PATH).then().statusCode(422)
                .body("type", equalTo("https://govtech-kommunal.de/problems/unprocessable-content"))
                .body("errors.field", hasItem("statutesVersion"));
        given().contentType(ContentType.JSON).body(Map.of("municipalityId", MUNICIPALITY_C))
                .when().post(PATH).then().statusCode(400).body("errors.field", hasItem("statutesVersion"));

        membershipId = given().contentType(ContentType.JSON)
                .body(Map.of("municipalityId", MUNICIPALITY_C, "statutesVersion", "2025-12-12"))
                .when().post(PATH).then().statusCode(201)
                .body("status", equalTo("APPLIED")).body("founding", equalTo(false))
                .body("statutesVersion", equalTo("2025-12-12"))
                .extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("municipalityId", MUNICIPALITY_C, "statutesVersion", "2025-12-12"))
                .when().post(PATH).then().statusCode(409)
                .body("type", equalTo("https://govtech-kommunal.de/problems/membership-exists"));
        given().when().post(PATH + "/" + membershipId + "/admit").then().statusCode(403);
    }

    @Test
    @Order(2)
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void platformAdminAdmitsSuspendsAndReinstates() {
        assertNotNull(membershipId);
        given().when().post(PATH + "/" + membershipId + "/admit").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://govtech-kommunal.de/problems/municipality-unverified"));
        given().when().get(PATH + "/" + membershipId).then().statusCode(200).body("status", equalTo("APPLIED"))
                .body("joinedOn", nullValue());
        given().when().get(PATH + "/" + membershipId + "/history").then().statusCode(200).body("size()", equalTo(1));
        given().when().post("/api/v1/membership/municipalities/" + MUNICIPALITY_C + "/verify").then().statusCode(200);
        given().when().post(PATH + "/" + membershipId + "/admit").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("joinedOn", equalTo(LocalDate.now(ZoneId.of("Europe/Berlin")).toString()));
        given().when().post(PATH + "/" + membershipId + "/admit").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://govtech-kommunal.de/problems/illegal-transition"));
        given().contentType(ContentType.JSON).when().post(PATH + "/" + membershipId + "/reinstate").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).when().post(PATH + "/" + membershipId + "/reinstate")
                .then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("reason", " ")).when().post(PATH + "/" + membershipId + "/suspend")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "Beitrag 2026 nicht bezahlt"))
                .when().post(PATH + "/" + membershipId + "/suspend").then().statusCode(200).body("status", equalTo("SUSPENDED"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "Beitrag bezahlt"))
                .when().post(PATH + "/" + membershipId + "/reinstate").then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "admin-c", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MUNICIPALITY_C))
    void municipalityAdminGivesNotice() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        LocalDate expected = new NoticeRule(Period.ofMonths(6)).lastDayOfMembership(today);
        String leaves = given().contentType(ContentType.JSON).body(Map.of("reason", "Haushaltskonsolidierung"))
                .when().post(PATH + "/" + membershipId + "/give-notice").then().statusCode(200)
                .body("status", equalTo("NOTICE_GIVEN"))
                .body("noticeGivenOn", equalTo(today.toString()))
                .extract().path("leavesOn");
        leavesOn = LocalDate.parse(leaves);
        assertEquals(expected, leavesOn);
        given().contentType(ContentType.JSON).body(Map.of()).when().post(PATH + "/" + membershipId + "/give-notice").then().statusCode(409);
        given().when().post(PATH + "/end-due").then().statusCode(403);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void membershipEndsOnlyAfterItsLastDay() {
        given().when().post(PATH + "/end-due").then().statusCode(200).body("membershipIds", not(hasItem(membershipId)));

        TestClock.at(leavesOn.atStartOfDay(PlatformClock.GERMANY).toInstant());
        given().when().post(PATH + "/end-due").then().statusCode(200).body("membershipIds", not(hasItem(membershipId)));

        TestClock.at(leavesOn.plusDays(1).atStartOfDay(PlatformClock.GERMANY).plusHours(2).toInstant());
        given().when().post(PATH + "/end-due").then().statusCode(200).body("membershipIds", hasItem(membershipId));
        given().when().post(PATH + "/end-due").then().statusCode(200).body("membershipIds", not(hasItem(membershipId)));
        given().when().get(PATH + "/" + membershipId).then().statusCode(200)
                .body("status", equalTo("ENDED")).body("endedOn", equalTo(leavesOn.plusDays(1).toString()));
    }

    @Test
    @Order(5)
    @TestSecurity(user = "staff-c", roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MUNICIPALITY_C))
    void staffReadsTheWholeHistory() {
        JsonPath history = given().when().get(PATH + "/" + membershipId + "/history").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("APPLIED", "ACTIVE", "SUSPENDED", "ACTIVE", "NOTICE_GIVEN", "ENDED"), history.getList("to"));
        assertEquals(java.util.Arrays.asList(null, "APPLIED", "ACTIVE", "SUSPENDED", "ACTIVE", "NOTICE_GIVEN"),
                history.getList("from"));
        assertEquals(List.of("admin-c", "platform-admin-1", "platform-admin-1", "platform-admin-1", "admin-c",
                "platform-admin-1"), history.getList("actor"));
        assertEquals("Beitrag 2026 nicht bezahlt", history.getString("[2].reason"));
        assertEquals("Haushaltskonsolidierung", history.getString("[4].reason"));
        history.getList("at").forEach(Assertions::assertNotNullAt);
        given().when().get(PATH).then().statusCode(200).body("items.id", hasItem(membershipId));
        given().contentType(ContentType.JSON).body(Map.of()).when().post(PATH + "/" + membershipId + "/give-notice").then().statusCode(403);
    }

    @Test
    @Order(6)
    void theEventsArrivedInOrderWithTheirFields() {
        List<ConsumerRecord<String, String>> events = KafkaTopicReader.fromTestBroker().readMatching("membership.events",
                r -> MUNICIPALITY_C.equals(r.key()) && KafkaTopicReader.header(r, "ce_type").contains(".member-"),
                4, Duration.ofSeconds(30));
        assertEquals(List.of("de.govtech.membership.member-joined.v1", "de.govtech.membership.member-suspended.v1",
                        "de.govtech.membership.member-reinstated.v1", "de.govtech.membership.member-left.v1"),
                events.stream().map(r -> KafkaTopicReader.header(r, "ce_type")).toList());
        events.forEach(r -> assertEquals(MUNICIPALITY_C, KafkaTopicReader.header(r, "ce_subject")));

        JsonPath joined = new JsonPath(events.get(0).value());
        assertEquals(MUNICIPALITY_C, joined.getString("municipalityId"));
        assertEquals("08999201", joined.getString("officialKey"));
        assertEquals("Gemeinde C-Stadt", joined.getString("name"));
        assertEquals("GEMEINDE", joined.getString("municipalityType"));
        assertEquals("08", joined.getString("land"));
        assertEquals(4711, joined.getInt("population"));
        assertEquals(false, joined.getBoolean("founding"));
        assertNotNull(joined.getString("joinedOn"));

        assertEquals("Beitrag 2026 nicht bezahlt", new JsonPath(events.get(1).value()).getString("reason"));
        assertNotNull(new JsonPath(events.get(1).value()).getString("suspendedAt"));
        assertEquals("Beitrag bezahlt", new JsonPath(events.get(2).value()).getString("reason"));
        JsonPath left = new JsonPath(events.get(3).value());
        assertEquals(leavesOn.toString(), left.getString("leftOn"));
        assertEquals("Haushaltskonsolidierung", left.getString("reason"));
        assertTrue(KafkaTopicReader.header(events.get(3), "ce_id").length() == 36);
    }

    /** Tiny helper so the history check reads well. */
    static final class Assertions {
        static void assertNotNullAt(Object value) {
            assertNotNull(value);
        }
    }
}
