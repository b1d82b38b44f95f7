package de.govtech.systemtests;

import de.govtech.platform.testkit.KafkaTopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static de.govtech.systemtests.DevUsers.PLATFORM_ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One trace across the platform: a {@code traceparent} with a known trace id, sent to the gateway on the request that
 * admits a municipality, is carried by membership-service's member-joined event (outbox → Kafka header) to
 * marketplace-service, whose log line of applying that event names the same trace id.
 */
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracingIT {

    private static final String MEMBERSHIP = "/api/v1/membership";
    private static final String MEMBER_JOINED = "de.govtech.membership.member-joined.v1";
    private static final Duration EVENTS_ARRIVE = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final PlatformStack stack;
    private final Gateway gateway;

    TracingIT(PlatformStack stack) {
        this.stack = stack;
        this.gateway = stack.gateway();
    }

    @Test
    void theTraceOfAnAdmissionReachesMarketplacesHandlingOfMemberJoined() throws Exception {
        String admin = stack.tokenOf(PLATFORM_ADMIN);
        String municipalityId = gateway.post(MEMBERSHIP + "/municipalities", admin, tracedMunicipality())
                .assertStatus(201).createdId();
        if (!"VERIFIED".equals(gateway.get(MEMBERSHIP + "/municipalities/" + municipalityId, admin)
                .assertStatus(200).json().path("verification").asText())) {
            gateway.post(MEMBERSHIP + "/municipalities/" + municipalityId + "/verify", admin, null).assertStatus(200);
        }
        String membershipId = gateway.post(MEMBERSHIP + "/memberships", admin, Fixtures.membershipApplication(municipalityId))
                .assertStatus(201).createdId();
        String traceId = randomHex(32);
        String traceparent = "00-" + traceId + "-" + randomHex(16) + "-01";

        HttpResponse<String> admitted = admit(membershipId, admin, traceparent);

        assertEquals(200, admitted.statusCode(), admitted::body);
        List<ConsumerRecord<String, String>> joined = stack.kafka().readMatching("membership.events",
                r -> municipalityId.equals(r.key()) && MEMBER_JOINED.equals(KafkaTopicReader.header(r, "ce_type")),
                1, EVENTS_ARRIVE);
        assertEquals(1, joined.size(), "member-joined of the admitted municipality on membership.events");
        String sentTraceparent = KafkaTopicReader.header(joined.get(0), "traceparent");
        assertNotNull(sentTraceparent, "member-joined carries no traceparent header");
        assertTrue(sentTraceparent.startsWith("00-" + traceId + "-"),
                "member-joined carries another trace: " + sentTraceparent + ", sent " + traceparent);

        String eventId = KafkaTopicReader.header(joined.get(0), "ce_id");
        Path marketplaceLog = stack.logsDir().resolve("marketplace-service.log");
        String handled = Await.until(() -> lineNaming(marketplaceLog, eventId), line -> line != null, EVENTS_ARRIVE);
        assertNotNull(handled, "marketplace-service logged no line of applying " + eventId + " (" + marketplaceLog + ")");
        assertTrue(handled.contains(traceId), "marketplace's line of applying " + eventId + " names another trace: " + handled);
        assertTrue(handled.contains("member-joined"), handled);
    }

    private HttpResponse<String> admit(String membershipId, String token, String traceparent) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + MEMBERSHIP + "/memberships/"
                        + membershipId + "/admit"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json")
                .header("traceparent", traceparent)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The log line of marketplace-service that applied the event, null while there is none. */
    private static String lineNaming(Path log, String eventId) {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains(eventId) && line.contains(" applied "))
                    .findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, Object> tracedMunicipality() {
        String officialKey = "08" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Gemeinde Spur " + officialKey);
        body.put("type", "GEMEINDE");
        body.put("land", "08");
        body.put("officialKey", officialKey);
        body.put("contacts", List.of(Map.of("name", "Erika Mustermann", "function", "IT-Leitung", "email", "it@spur.example")));
        return body;
    }

    private static String randomHex(int digits) {
        StringBuilder hex = new StringBuilder(digits);
        while (hex.length() < digits) {
            hex.append(Long.toHexString(ThreadLocalRandom.current().nextLong() | 1L));
        }
        return hex.substring(0, digits);
    }
}
