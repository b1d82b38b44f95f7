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
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static de.govtech.membership.TestData.HEILBRONN;
import static de.govtech.membership.TestData.MUNICIPALITY_A;
import static de.govtech.membership.TestData.MUNICIPALITY_B;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "membership"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class MunicipalityResourceTest {

    private static final String PATH = "/api/v1/membership/municipalities";

    @Inject
    DataSource dataSource;

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void platformAdminRegistersAMunicipalityAndItsEventIsPublished() {
        Map<String, Object> body = TestData.gemeinde("Gemeinde Testhausen", "08999101");
        body.put("ars", "089990101101");
        String id = OfficialKeys.municipalityId("08999101").toString();

        given().contentType(ContentType.JSON).body(body).when().post(PATH)
                .then().statusCode(201)
                .header("Location", endsWith(PATH + "/" + id))
                .body("id", equalTo(id))
                .body("officialKey", equalTo("08999101"))
                .body("ars", equalTo("089990101101"))
                .body("verification", equalTo("VERIFIED"))
                .body("contacts[0].email", equalTo("it@example.org"));
        given().when().get(PATH + "/" + id).then().statusCode(200).body("name", equalTo("Gemeinde Testhausen"));

        List<ConsumerRecord<String, String>> events = KafkaTopicReader.fromTestBroker().readMatching("membership.events",
                r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, events.size());
        assertEquals("de.govtech.membership.municipality-updated.v1", KafkaTopicReader.header(events.get(0), "ce_type"));
        assertEquals(id, KafkaTopicReader.header(events.get(0), "ce_subject"));
        io.restassured.path.json.JsonPath payload = new io.restassured.path.json.JsonPath(events.get(0).value());
        assertEquals("08999101", payload.getString("officialKey"));
        assertEquals("GEMEINDE", payload.getString("municipalityType"));
        assertEquals("08", payload.getString("land"));
        assertEquals(4711, payload.getInt("population"));
    }

    @Test
    @TestSecurity(user = "admin-a", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MUNICIPALITY_A))
    void municipalityAdminRegistersAndChangesItsOwnMunicipality() {
        given().contentType(ContentType.JSON).body(TestData.gemeinde("Gemeinde A-Dorf", "08999102")).when().post(PATH)
                .then().statusCode(201).body("id", equalTo(MUNICIPALITY_A)).body("verification", equalTo("UNVERIFIED"));
        given().contentType(ContentType.JSON).body(TestData.gemeinde("Gemeinde A-Dorf", "08999103")).when().post(PATH)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://govtech-kommunal.de/problems/municipality-exists"));

        Map<String, Object> changed = TestData.gemeinde("Gemeinde A-Dorf am Bach", "08999102");
        given().contentType(ContentType.JSON).body(changed).when().put(PATH + "/" + MUNICIPALITY_A).then().statusCode(204);
        given().when().get(PATH + "/" + MUNICIPALITY_A).then().statusCode(200).body("name", equalTo("Gemeinde A-Dorf am Bach"));
        given().when().get(PATH).then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(MUNICIPALITY_A));

        List<ConsumerRecord<String, String>> events = KafkaTopicReader.fromTestBroker().readMatching("membership.events",
                r -> MUNICIPALITY_A.equals(r.key()), 2, Duration.ofSeconds(30));
        assertEquals(2, events.size(), "created and changed");
        assertEquals("Gemeinde A-Dorf am Bach", new io.restassured.path.json.JsonPath(events.get(1).value()).getString("name"));
    }

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void aSecondMunicipalityWithTheSameOfficialKeyIsAConflict() {
        given().contentType(ContentType.JSON).body(TestData.gemeinde("Noch ein Heilbronn", "08121000")).when().post(PATH)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://govtech-kommunal.de/problems/duplicate-official-key"))
                .body("errors.field", hasItem("officialKey"));
    }

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void platformAdminListsAllMunicipalitiesPaged() {
        given().queryParam("size", 5).when().get(PATH)
                .then().statusCode(200).body("items", hasSize(5)).body("size", equalTo(5)).body("page", equalTo(0))
                .body("total", greaterThanOrEqualTo(13));
        given().queryParam("size", 0).when().get(PATH).then().statusCode(400).body("errors.field", hasItem("size"));
    }

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void malformedInputIsRefusedNamingTheFieldAndWritesNothing() {
        long municipalities = Database.count(dataSource, "select count(*) from municipality");
        long events = Database.count(dataSource, "select count(*) from outbox_event");
        String longName = "x".repeat(201);
        List<Object[]> cases = List.of(
                new Object[] {with("officialKey", "0899910X"), "officialKey"},
                new Object[] {with("officialKey", "0899910"), "officialKey"},
                new Object[] {with("land", "06"), "land"},
                new Object[] {with("land", "17"), "land"},
                new Object[] {with("population", -1), "population"},
                new Object[] {with("type", "DORF"), "type"},
                new Object[] {with("type", "LANDKREIS"), "officialKey"},
                new Object[] {with("name", null), "name"},
                new Object[] {with("officialKey", null), "officialKey"},
                new Object[] {with("type", null), "type"},
                new Object[] {with("name", longName), "name"},
                new Object[] {with("ars", "089990199198"), "ars"},
                new Object[] {with("contacts", List.of(Map.of("name", "X", "email", "not-an-email"))), "contacts[0].email"});
        for (Object[] c : cases) {
            given().contentType(ContentType.JSON).body(c[0]).when().post(PATH)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem((String) c[1]));
        }
        given().contentType(ContentType.JSON).body("{\"name\": ").when().post(PATH).then().statusCode(400);
        given().contentType(ContentType.JSON).when().post(PATH).then().statusCode(400);
        given().contentType(ContentType.JSON).body(with("population", -1)).when().put(PATH + "/" + HEILBRONN)
                .then().statusCode(400).body("errors.field", hasItem("population"));
        assertEquals(municipalities, Database.count(dataSource, "select count(*) from municipality"));
        assertEquals(events, Database.count(dataSource, "select count(*) from outbox_event"));
    }

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void unknownMunicipalityIsNotFound() {
        given().when().get(PATH + "/" + MUNICIPALITY_B).then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(TestData.gemeinde("X", "08999104")).when().put(PATH + "/" + MUNICIPALITY_B)
                .then().statusCode(404);
    }

    @Test
    void anonymousCallersAreUnauthorized() {
        given().when().get(PATH).then().statusCode(401).contentType("application/problem+json");
        given().when().get(PATH + "/" + HEILBRONN).then().statusCode(401);
        given().contentType(ContentType.JSON).body(TestData.gemeinde("X", "08999105")).when().post(PATH).then().statusCode(401);
        given().contentType(ContentType.JSON).body(TestData.gemeinde("X", "08999105")).when().put(PATH + "/" + HEILBRONN)
                .then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "vendor-1", roles = "vendor")
    void vendorsMayNotDoAnythingHere() {
        given().when().get(PATH).then().statusCode(403).contentType("application/problem+json");
        given().when().get(PATH + "/" + HEILBRONN).then().statusCode(403);
        given().contentType(ContentType.JSON).body(TestData.gemeinde("X", "08999106")).when().post(PATH).then().statusCode(403);
        given().contentType(ContentType.JSON).body(TestData.gemeinde("X", "08999106")).when().put(PATH + "/" + HEILBRONN)
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "admin-b", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MUNICIPALITY_B))
    void municipalityAdminOfBNeitherReadsNorChangesAnotherMunicipality() {
        given().when().get(PATH + "/" + HEILBRONN).then().statusCode(403).contentType("application/problem+json");
        Map<String, Object> body = TestData.gemeinde("Stadt Heilbronn gekapert", "08121000");
        body.put("type", "KREISFREIE_STADT");
        given().contentType(ContentType.JSON).body(body).when().put(PATH + "/" + HEILBRONN).then().statusCode(403);
        given().when().get(PATH).then().statusCode(200).body("total", equalTo(0));
        assertEquals(0, Database.count(dataSource, "select count(*) from municipality where name like '%gekapert%'"));
    }

    @Test
    @TestSecurity(user = "staff-heilbronn", roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = HEILBRONN))
    void staffReadsItsOwnMunicipalityButCannotChangeIt() {
        given().when().get(PATH + "/" + HEILBRONN).then().statusCode(200).body("officialKey", equalTo("08121000"));
        given().when().get(PATH).then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(HEILBRONN));
        Map<String, Object> body = TestData.gemeinde("Stadt Heilbronn", "08121000");
        body.put("type", "KREISFREIE_STADT");
        given().contentType(ContentType.JSON).body(body).when().put(PATH + "/" + HEILBRONN).then().statusCode(403);
        given().contentType(ContentType.JSON).body(TestData.gemeinde("X", "08999107")).when().post(PATH).then().statusCode(403);
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = TestData.gemeinde("Gemeinde Fehlerhausen", "08999199");
        body.put(field, value);
        return body;
    }
}
