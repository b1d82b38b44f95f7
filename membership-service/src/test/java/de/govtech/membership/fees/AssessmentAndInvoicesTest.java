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
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The yearly assessment against real memberships made through the API with a test clock: joined mid-year, left
 * mid-year, a founding member, a municipality without population; idempotent and concurrent runs; invoice states;
 * and every refusal.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "membership"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AssessmentAndInvoicesTest {

    static final String API = "/api/v1/membership";
    static final String ASSESSMENTS = API + "/fees/assessments";
    static final String INVOICES = API + "/fees/invoices";

    /** Gemeinde Mitte-Jahr (4711 inhabitants), joins on 2026-03-15; registered by its own admin. */
    static final String MITTE = "e0000000-0000-4000-8000-00000000000e";
    /** Stadt Abschied (12000 inhabitants), joins 2025-06-01, gives notice 2026-01-10, last day 2026-09-30. */
    static final String ABSCHIED = OfficialKeys.municipalityId("08999402").toString();
    /** A Gemeinde whose population nobody knows, joins 2026-02-01. */
    static final String OHNE_ZAHL = OfficialKeys.municipalityId("08999403").toString();
    /** Gemeinde Tholey, a founding member (12160 inhabitants). */
    static final String THOLEY = OfficialKeys.municipalityId("10046118").toString();
    static final String THOLEY_MEMBERSHIP = UUID.nameUUIDFromBytes(
            "govtech:founding-membership:10046118".getBytes(StandardCharsets.UTF_8)).toString();

    private static String mitteInvoice;
    private static String abschiedInvoice;
    private static String tholeyInvoice;

    @Inject
    DataSource dataSource;


    private static String applyAndAdmit(String municipality) {
        String membership = given().contentType(ContentType.JSON)
                .body(Map.of("municipalityId", municipality, "statutesVersion", "2025-12-12"))
                .when().post(API + "/memberships").then().statusCode(201).extract().path("id");
        given().when().post(API + "/memberships/" + membership + "/admit").then().statusCode(200);
        return membership;
    }

    private static void register(Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body).when().post(API + "/municipalities").then().statusCode(201);
    }

    private static JsonPath invoiceOf(String municipality, int year) {
        return given().queryParam("municipalityId", municipality).queryParam("year", year).when().get(INVOICES)
                .then().statusCode(200).body("total", equalTo(1)).extract().jsonPath().setRootPath("items[0]");
    }

    @Test
    @Order(1)
    @TestSecurity(user = "admin-mitte", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MITTE))
    void aMunicipalityRegistersItself() {
        register(TestData.gemeinde("Gemeinde Mitte-Jahr", "08999401"));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void membershipsJoinAndLeaveOnTheirDays() {
        TestClock.today("2026-03-15");
        given().when().post(API + "/municipalities/" + MITTE + "/verify").then().statusCode(200);
        given().when().get(API + "/memberships/" + applyAndAdmit(MITTE)).then().body("joinedOn", equalTo("2026-03-15"));

        Map<String, Object> stadt = TestData.gemeinde("Stadt Abschied", "08999402");
        stadt.put("type", "STADT");
        stadt.put("population", 12000);
        register(stadt);
        TestClock.today("2025-06-01");
        String abschied = applyAndAdmit(ABSCHIED);
        TestClock.today("2026-01-10");
        given().contentType(ContentType.JSON).body(Map.of("reason", "Haushaltssperre")).when()
                .post(API + "/memberships/" + abschied + "/give-notice").then().statusCode(200).body("leavesOn", equalTo("2026-09-30"));
        TestClock.today("2026-10-01");
        given().when().post(API + "/memberships/end-due").then().statusCode(200).body("membershipIds", hasItem(abschied));

        Map<String, Object> ohneZahl = TestData.gemeinde("Gemeinde Ohne Zahl", "08999403");
        ohneZahl.remove("population");
        register(ohneZahl);
        TestClock.today("2026-02-01");
        applyAndAdmit(OHNE_ZAHL);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void theAssessmentInvoicesEveryMemberProRataAndOnlyOnce() {
        TestClock.today("2026-11-27");
        JsonPath run = given().when().post(ASSESSMENTS + "/2026").then().statusCode(201)
                .header("Location", endsWith("/api/v1/membership/fees/assessments/2026"))
                .body("year", equalTo(2026)).body("scheduleVersion", equalTo("2026-example-1"))
                .body("exampleSchedule", equalTo(true)).extract().jsonPath();
        List<String> created = run.getList("createdInvoiceIds");
        assertTrue(created.size() >= 15, "13 founding members and 2 of this test: " + created);
        assertEquals("POPULATION_MISSING", run.getString("skipped.find { it.municipalityId == '" + OHNE_ZAHL + "' }.reason"));

        JsonPath mitte = invoiceOf(MITTE, 2026); // joined 2026-03-15: April to December
        assertEquals(9, mitte.getInt("months"));
        assertEquals("500.00", mitte.getString("annualFee"));
        assertEquals("375.00", mitte.getString("amount"));
        assertEquals(0, mitte.getInt("band.from"));
        assertEquals(5000, mitte.getInt("band.to"));
        assertEquals("500.00", mitte.getString("band.annualFee"));
        assertEquals(false, mitte.getBoolean("founding"));
        assertEquals("OPEN", mitte.getString("state"));
        assertEquals("2026-11-27", mitte.getString("issuedOn"));
        assertEquals("2026-12-27", mitte.getString("dueOn"));
        assertEquals("2026-example-1", mitte.getString("scheduleVersion"));
        assertEquals(true, mitte.getBoolean("exampleSchedule"));
        assertTrue(mitte.getString("number").matches("GK-2026-\\d{6}"), mitte.getString("number"));
        mitteInvoice = mitte.getString("id");

        JsonPath abschied = invoiceOf(ABSCHIED, 2026); // last day 2026-09-30: January to September
        assertEquals(9, abschied.getInt("months"));
        assertEquals("2000.00", abschied.getString("annualFee"));
        assertEquals("1500.00", abschied.getString("amount"));
        assertEquals("STADT", abschied.getString("municipalityType"));
        abschiedInvoice = abschied.getString("id");

        JsonPath tholey = invoiceOf(THOLEY, 2026); // founding member: 2000.00 less 20 %, all twelve months
        assertEquals(true, tholey.getBoolean("founding"));
        assertEquals(12, tholey.getInt("months"));
        assertEquals(12160, tholey.getInt("population"));
        assertEquals(10000, tholey.getInt("band.from"));
        assertEquals("2000.00", tholey.getString("band.annualFee"));
        assertEquals("1600.00", tholey.getString("annualFee"));
        assertEquals("1600.00", tholey.getString("amount"));
        tholeyInvoice = tholey.getString("id");
        assertTrue(created.containsAll(List.of(mitteInvoice, abschiedInvoice, tholeyInvoice)));

        long invoices = Database.count(dataSource, "select count(*) from fee_invoice where year = 2026");
        given().when().post(ASSESSMENTS + "/2026").then().statusCode(200)
                .body("createdInvoiceIds", equalTo(List.of())).body("alreadyAssessed", equalTo((int) invoices));
        assertEquals(invoices, Database.count(dataSource, "select count(*) from fee_invoice where year = 2026"));
        assertEquals(0, Database.count(dataSource, "select count(*) from fee_invoice where municipality_id = ?::uuid", OHNE_ZAHL));
    }

    @Test
    @Order(4)
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void twoConcurrentRunsInvoiceEachMembershipOnce() throws Exception {
        TestClock.today("2026-11-27");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<JsonPath> runs = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<JsonPath>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return given().when().post(ASSESSMENTS + "/2025").then().extract().jsonPath();
                }));
            }
            start.countDown();
            for (Future<JsonPath> call : calls) {
                runs.add(call.get());
            }
        } finally {
            pool.shutdownNow();
        }
        int createdByBoth = runs.get(0).getList("createdInvoiceIds").size() + runs.get(1).getList("createdInvoiceIds").size();
        assertEquals(Database.count(dataSource, "select count(*) from fee_invoice where year = 2025"), createdByBoth);
        assertEquals(0, Database.count(dataSource, "select count(*) from (select membership_id from fee_invoice where year = 2025"
                + " group by membership_id having count(*) > 1) twice"));
        // the founding members joined on 2025-12-12: no whole month of 2025
        assertEquals("NO_CHARGEABLE_MONTH", runs.get(0).getString("skipped.find { it.membershipId == '" + THOLEY_MEMBERSHIP
                + "' }.reason"));
        JsonPath abschied = invoiceOf(ABSCHIED, 2025); // joined 2025-06-01: June to December
        assertEquals(7, abschied.getInt("months"));
        assertEquals("1166.67", abschied.getString("amount"));
        assertEquals(0, Database.count(dataSource, "select count(*) from fee_invoice where year = 2025 and municipality_id = ?::uuid",
                THOLEY));
    }

    @Test
    @Order(5)
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void platformAdminsSettleInvoicesAndSeeWhatIsOverdue() {
        assertNotNull(mitteInvoice);
        TestClock.today("2026-11-27");
        given().queryParam("year", 2026).queryParam("state", "OPEN").when().get(INVOICES).then().statusCode(200)
                .body("items.id", hasItem(mitteInvoice)).body("items.state", everyItem(equalTo("OPEN")));
        given().contentType(ContentType.JSON).body(Map.of("paidOn", "2026-11-28")).when()
                .post(INVOICES + "/" + mitteInvoice + "/pay").then().statusCode(422).body("errors.field", hasItem("paidOn"));
        given().contentType(ContentType.JSON).body(Map.of("paidOn", "2026-11-26")).when()
                .post(INVOICES + "/" + mitteInvoice + "/pay").then().statusCode(422).body("errors.field", hasItem("paidOn"));
        given().contentType(ContentType.JSON).body(Map.of("paidOn", "gestern")).when()
                .post(INVOICES + "/" + mitteInvoice + "/pay").then().statusCode(400).body("errors.field", hasItem("paidOn"));
        given().when().get(INVOICES + "/" + mitteInvoice).then().body("state", equalTo("OPEN"));
        given().when().post(INVOICES + "/" + mitteInvoice + "/pay").then().statusCode(200) // no body: paid today
                .body("state", equalTo("PAID")).body("paidOn", equalTo("2026-11-27"));
        given().when().post(INVOICES + "/" + mitteInvoice + "/pay").then().statusCode(409)
                .body("type", equalTo("https://govtech-kommunal.de/problems/invoice-not-open"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "zu spät")).when()
                .post(INVOICES + "/" + mitteInvoice + "/cancel").then().statusCode(409);

        given().contentType(ContentType.JSON).body(Map.of()).when().post(INVOICES + "/" + abschiedInvoice + "/cancel")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "Austritt vorgezogen")).when()
                .post(INVOICES + "/" + abschiedInvoice + "/cancel").then().statusCode(200)
                .body("state", equalTo("CANCELLED")).body("cancelReason", equalTo("Austritt vorgezogen"));
        given().contentType(ContentType.JSON).body(Map.of("paidOn", "2026-11-27")).when()
                .post(INVOICES + "/" + abschiedInvoice + "/pay").then().statusCode(409);

        TestClock.today("2026-12-27");
        given().when().get(INVOICES + "/" + tholeyInvoice).then().statusCode(200).body("state", equalTo("OPEN"));
        TestClock.today("2026-12-28");
        given().when().get(INVOICES + "/" + tholeyInvoice).then().statusCode(200).body("state", equalTo("OVERDUE"));
        given().queryParam("year", 2026).queryParam("state", "overdue").queryParam("size", 100).when().get(INVOICES).then()
                .statusCode(200).body("items.id", hasItem(tholeyInvoice)).body("items.id", not(hasItem(mitteInvoice)))
                .body("items.state", everyItem(equalTo("OVERDUE")));
        given().queryParam("year", 2026).queryParam("state", "OPEN").queryParam("size", 100).when().get(INVOICES).then()
                .statusCode(200).body("items.id", not(hasItem(tholeyInvoice)));
        given().queryParam("year", 2026).queryParam("state", "PAID").when().get(INVOICES).then()
                .statusCode(200).body("items.id", hasItem(mitteInvoice));
        JsonPath summary = given().when().get(ASSESSMENTS + "/2026").then().statusCode(200).extract().jsonPath();
        assertTrue(summary.getLong("paid") >= 1 && summary.getLong("cancelled") >= 1 && summary.getLong("overdue") >= 1);
        assertEquals(summary.getLong("invoices"), summary.getLong("open") + summary.getLong("overdue")
                + summary.getLong("paid") + summary.getLong("cancelled"));
        assertEquals(Database.count(dataSource, "select count(*) from fee_invoice where year = 2026"), summary.getLong("invoices"));
        assertEquals("EUR", summary.getString("currency"));
    }

    @Test
    @Order(6)
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void malformedRequestsNameTheFieldAndWriteNothing() {
        given().queryParam("year", "letztes").when().get(INVOICES).then().statusCode(400).body("errors.field", hasItem("year"));
        given().queryParam("state", "UNPAID").when().get(INVOICES).then().statusCode(400).body("errors.field", hasItem("state"));
        given().queryParam("size", 0).when().get(INVOICES).then().statusCode(400).body("errors.field", hasItem("size"));
        given().when().get(INVOICES + "/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().when().post(INVOICES + "/" + UUID.randomUUID() + "/pay").then().statusCode(404);
        given().when().post(ASSESSMENTS + "/1999").then().statusCode(400).body("errors.field", hasItem("year"));
        given().when().post(ASSESSMENTS + "/2024").then().statusCode(422)
                .body("type", equalTo("https://govtech-kommunal.de/problems/no-fee-schedule")).body("errors.field", hasItem("year"));
        given().when().post(ASSESSMENTS + "/2099").then().statusCode(422).body("errors.field", hasItem("year"));
        assertEquals(0, Database.count(dataSource, "select count(*) from fee_invoice where year in (1999, 2024, 2099)"));
    }

    @Test
    @Order(7)
    @TestSecurity(user = "admin-mitte", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MITTE))
    void aMunicipalityAdminSeesOnlyItsOwnInvoices() {
        given().queryParam("year", 2026).when().get(INVOICES).then().statusCode(200).body("total", equalTo(1))
                .body("items.municipalityId", everyItem(equalTo(MITTE))).body("items[0].id", equalTo(mitteInvoice));
        given().queryParam("municipalityId", MITTE).queryParam("year", 2026).when().get(INVOICES).then().statusCode(200)
                .body("total", equalTo(1));
        given().when().get(INVOICES + "/" + mitteInvoice).then().statusCode(200).body("state", equalTo("PAID"));
        given().when().get(INVOICES + "/" + tholeyInvoice).then().statusCode(403).contentType("application/problem+json");
        given().queryParam("municipalityId", THOLEY).when().get(INVOICES).then().statusCode(403);
        given().when().post(INVOICES + "/" + tholeyInvoice + "/pay").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).when()
                .post(INVOICES + "/" + tholeyInvoice + "/cancel").then().statusCode(403);
        given().when().post(ASSESSMENTS + "/2026").then().statusCode(403);
        given().when().get(ASSESSMENTS + "/2026").then().statusCode(403);
    }

    @Test
    @Order(8)
    @TestSecurity(user = "staff-mitte", roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MITTE))
    void municipalityStaffIsForbidden() {
        refusedWith(403);
    }

    @Test
    @Order(9)
    @TestSecurity(user = "vendor-1", roles = "vendor")
    void vendorsAreForbidden() {
        refusedWith(403);
    }

    @Test
    @Order(10)
    void anonymousCallersAreUnauthorized() {
        refusedWith(401);
    }

    private void refusedWith(int status) {
        long invoices = Database.count(dataSource, "select count(*) from fee_invoice");
        given().when().get(INVOICES).then().statusCode(status).contentType("application/problem+json");
        given().when().get(INVOICES + "/" + mitteInvoice).then().statusCode(status);
        given().when().post(INVOICES + "/" + tholeyInvoice + "/pay").then().statusCode(status);
        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).when()
                .post(INVOICES + "/" + tholeyInvoice + "/cancel").then().statusCode(status);
        given().when().post(ASSESSMENTS + "/2027").then().statusCode(status);
        given().when().get(ASSESSMENTS + "/2026").then().statusCode(status);
        assertEquals(invoices, Database.count(dataSource, "select count(*) from fee_invoice"));
        assertEquals(0, Database.count(dataSource, "select count(*) from fee_invoice where status <> 'OPEN' and id = ?::uuid",
                tholeyInvoice));
    }
}
