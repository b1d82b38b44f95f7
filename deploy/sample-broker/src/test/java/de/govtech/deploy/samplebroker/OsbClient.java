package de.govtech.deploy.samplebroker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Predicate;

/** A test's view of a broker over real HTTP: sends OSB requests with (or deliberately without) auth and version. */
final class OsbClient {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI baseUrl;
    private final String authorization;

    OsbClient(URI baseUrl, String username, String password) {
        this.baseUrl = baseUrl;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer delete(String path) {
        return send(request(path).DELETE());
    }

    Answer provision(String instanceId, String serviceId, String planId) {
        return put("/v2/service_instances/" + instanceId + "?accepts_incomplete=true", body(serviceId, planId));
    }

    Answer lastOperation(String instanceId) {
        return get("/v2/service_instances/" + instanceId + "/last_operation");
    }

    Answer deprovision(String instanceId, String serviceId, String planId) {
        return delete("/v2/service_instances/" + instanceId + "?service_id=" + serviceId + "&plan_id=" + planId
                + "&accepts_incomplete=true");
    }

    /** Polls last_operation until the answer satisfies the condition (at most 10 s). */
    Answer awaitLastOperation(String instanceId, Predicate<Answer> done) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            Answer answer = lastOperation(instanceId);
            if (done.test(answer)) {
                return answer;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("last_operation of " + instanceId + " still answers " + answer.status() + " " + answer.body());
            }
            sleep(50);
        }
    }

    static Predicate<Answer> state(String state) {
        return answer -> answer.status() == 200 && state.equals(answer.body().path("state").asText());
    }

    static String body(String serviceId, String planId) {
        return "{\"service_id\":\"" + serviceId + "\",\"plan_id\":\"" + planId + "\","
                + "\"context\":{\"platform\":\"govtech-kommunal\",\"municipality_id\":\"m-1\"}}";
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization)
                .header("X-Broker-API-Version", "2.17");
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? MAPPER.nullNode() : parse(response);
            return new Answer(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(HttpResponse<String> response) throws IOException {
        boolean json = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        return json ? MAPPER.readTree(response.body()) : MAPPER.getNodeFactory().textNode(response.body());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
