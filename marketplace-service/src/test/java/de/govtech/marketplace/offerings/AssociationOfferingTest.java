package de.govtech.marketplace.offerings;

import de.govtech.platform.events.solutions.SolutionReleasedForReuse;
import de.govtech.platform.events.solutions.SolutionRetired;
import de.govtech.platform.messaging.KafkaCloudEvents;
import de.govtech.platform.messaging.outbox.OutboxRecord;
import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** solutions.events → the association's offerings in the public catalogue, through the inbox, without login. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class AssociationOfferingTest {

    private static final String OFFERINGS = "/api/v1/marketplace/catalogue/association-offerings";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant RELEASED = Instant.parse("2026-06-01T08:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aReleasedSolutionIsListedAnonymouslyAsAnOfferingOfTheAssociation() {
        UUID id = UUID.randomUUID();
        send(OutboxRecord.of(released(id, "Digitaler Bauantrag Offering")));

        await().atMost(WAIT).until(() -> given().get(OFFERINGS + "/" + id).statusCode() == 200);
        given().get(OFFERINGS + "/" + id).then().statusCode(200)
                .body("provider", equalTo("GovTech Kommunal"))
                .body("name", equalTo("Digitaler Bauantrag Offering"))
                .body("licence", equalTo("EUPL-1.2"))
                .body("category", equalTo("Bauen & Wohnen"))
                .body("developmentStatus", equalTo("stable"))
                .body("reuseRequestPath", equalTo("/api/v1/solutions/solutions/" + id + "/reuse-requests"))
                .body("releasedAt", equalTo("2026-06-01T08:00:00Z"))
                .body("plans", nullValue())
                .body("vendorId", nullValue());
        given().queryParam("q", "Bauantrag").queryParam("size", 100).get(OFFERINGS).then().statusCode(200)
                .body("items.solutionId", hasItem(id.toString()));
        given().queryParam("q", "Schwimmbadkasse").get(OFFERINGS).then().statusCode(200)
                .body("items.solutionId", not(hasItem(id.toString())));
    }

    @Test
    void aRetiredSolutionLeavesTheCatalogue() {
        UUID id = UUID.randomUUID();
        send(OutboxRecord.of(released(id, "Ruhestandsverfahren")));
        await().atMost(WAIT).until(() -> given().get(OFFERINGS + "/" + id).statusCode() == 200);

        send(OutboxRecord.of(new SolutionRetired(id, "replaced by a federal service", Instant.parse("2026-09-01T00:00:00Z"))));

        await().atMost(WAIT).until(() -> given().get(OFFERINGS + "/" + id).statusCode() == 404);
        given().get(OFFERINGS + "/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("size", 100).get(OFFERINGS).then().statusCode(200)
                .body("items.solutionId", not(hasItem(id.toString())));
    }

    @Test
    void theSameReleaseDeliveredTwiceIsAppliedOnce() {
        UUID id = UUID.randomUUID();
        OutboxRecord release = OutboxRecord.of(released(id, "Doppelte Freigabe"));
        OutboxRecord retire = OutboxRecord.of(new SolutionRetired(id, null, Instant.parse("2026-09-01T00:00:00Z")));
        // If the repeated release were applied again, it would list the retired solution again.
        send(release, retire, release);
        await().atMost(WAIT).until(() -> status(id) == OfferingStatus.RETIRED);
        OutboxRecord marker = OutboxRecord.of(released(UUID.randomUUID(), "Marker"));
        send(marker);
        await().atMost(WAIT).until(() -> status(UUID.fromString(marker.aggregateId())) == OfferingStatus.LISTED);

        assertEquals(OfferingStatus.RETIRED, status(id));
        given().get(OFFERINGS + "/" + id).then().statusCode(404);
    }

    @Test
    void badInputIsAProblemNamingTheParameter() {
        given().get(OFFERINGS + "/not-a-uuid").then().statusCode(404);
        given().queryParam("size", 0).get(OFFERINGS).then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static SolutionReleasedForReuse released(UUID id, String name) {
        return new SolutionReleasedForReuse(id, name, "EUPL-1.2", RELEASED, "Bauanträge digital stellen und bearbeiten",
                "Bauen & Wohnen", "https://gitlab.opencode.de/govtech-kommunal/bauantrag", "stable",
                "/api/v1/solutions/solutions/" + id + "/reuse-requests");
    }

    private static OfferingStatus status(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> AssociationOffering.<AssociationOffering>findByIdOptional(id)
                .map(o -> o.status).orElse(null));
    }

    private void send(OutboxRecord... events) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (OutboxRecord event : events) {
                producer.send(KafkaCloudEvents.toProducerRecord(event));
            }
            producer.flush();
        }
    }
}
