package de.govtech.membership.founding;

import de.govtech.membership.Database;
import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.KafkaTopicReader;
import de.govtech.platform.testkit.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "membership"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class FoundingMembersTest {

    private static final String MEMBER_JOINED = "de.govtech.membership.member-joined.v1";

    @Inject
    DataSource dataSource;

    @Inject
    FoundingMemberSeeder seeder;

    private final Set<String> foundingIds = FoundingMemberSeeder.municipalityIds().stream()
            .map(UUID::toString).collect(Collectors.toSet());

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void thirteenActiveFoundingMembersJoinedOnTheFoundingDay() {
        assertEquals(13, foundingIds.size());
        List<java.util.Map<String, Object>> founding = given().queryParam("size", 100).when()
                .get("/api/v1/membership/memberships").then().statusCode(200)
                .extract().jsonPath().<java.util.Map<String, Object>>getList("items")
                .stream().filter(m -> Boolean.TRUE.equals(m.get("founding"))).toList();
        assertEquals(13, founding.size());
        for (var membership : founding) {
            assertEquals("ACTIVE", membership.get("status"));
            assertEquals("2025-12-12", membership.get("joinedOn"));
            assertTrue(foundingIds.contains(membership.get("municipalityId")));
        }
        assertEquals(13, Database.count(dataSource, "select count(*) from municipality where id::text = any(?)",
                (Object) foundingIds.toArray(String[]::new)));
    }

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void valuesTheSourceLeavesEmptyStayEmpty() {
        String guestrowLand = de.govtech.membership.municipalities.OfficialKeys.municipalityId("130725255").toString();
        given().when().get("/api/v1/membership/municipalities/" + guestrowLand).then().statusCode(200)
                .body("name", equalTo("Amt Güstrow-Land")).body("type", equalTo("AMT_VERBANDSGEMEINDE"))
                .body("land", equalTo("13")).body("ars", nullValue()).body("population", equalTo(9738));
        String bergstrasse = de.govtech.membership.municipalities.OfficialKeys.municipalityId("06431").toString();
        given().when().get("/api/v1/membership/municipalities/" + bergstrasse).then().statusCode(200)
                .body("type", equalTo("LANDKREIS")).body("officialKey", equalTo("06431")).body("ars", nullValue());
    }

    @Test
    void seedingAgainWritesNothingAndEachMemberJoinedExistsOnce() {
        KafkaTopicReader reader = KafkaTopicReader.fromTestBroker();
        List<ConsumerRecord<String, String>> joined = reader.readMatching("membership.events", this::foundingJoined,
                13, Duration.ofSeconds(60));
        assertEquals(13, joined.size());

        assertEquals(0, seeder.seed());
        assertEquals(0, seeder.seed());

        assertEquals(13, Database.count(dataSource, "select count(*) from outbox_event where event_type = ?"
                + " and aggregate_id = any(?)", MEMBER_JOINED, foundingIds.toArray(String[]::new)));
        assertEquals(13, Database.count(dataSource, "select count(*) from membership where founding"));
        awaitOutboxDrained();
        assertEquals(13, reader.readMatching("membership.events", this::foundingJoined, 14, Duration.ofSeconds(3)).size());

        ConsumerRecord<String, String> heilbronn = joined.stream()
                .filter(r -> r.key().equals("f4ec1f01-9f1c-3d34-ba99-332841cb7bcd")).findFirst().orElseThrow();
        JsonPath payload = new JsonPath(heilbronn.value());
        assertEquals("08121000", payload.getString("officialKey"));
        assertEquals("081210000000", payload.getString("ars"));
        assertEquals("Stadt Heilbronn", payload.getString("name"));
        assertEquals("KREISFREIE_STADT", payload.getString("municipalityType"));
        assertEquals("08", payload.getString("land"));
        assertEquals(130093, payload.getInt("population"));
        assertTrue(payload.getBoolean("founding"));
        assertEquals("2025-12-12", payload.getString("joinedOn"));
    }

    private boolean foundingJoined(ConsumerRecord<String, String> record) {
        return foundingIds.contains(record.key()) && MEMBER_JOINED.equals(KafkaTopicReader.header(record, "ce_type"));
    }

    private void awaitOutboxDrained() {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Database.count(dataSource, "select count(*) from outbox_event where published_at is null") > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("outbox not drained");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
