package de.govtech.deploy.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * {@link ServiceApi} over HTTP, through the gateway. A call the gateway could not forward (502, 503, 504 —
 * e.g. while it still fetches Keycloak's keys) or that got no answer is tried again a few times; every seeding step
 * tolerates a repeat, so that is safe.
 */
final class HttpServiceApi implements ServiceApi {

    private static final Set<Integer> TRANSIENT = Set.of(502, 503, 504);
    private static final int ATTEMPTS = 4;
    private static final long PAUSE_MILLIS = 2_000;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;
    private final long pauseMillis;

    /** {@code baseUrl}: e.g. {@code http://localhost:8080/api/v1/marketplace}. */
    HttpServiceApi(String baseUrl) {
        this(baseUrl, PAUSE_MILLIS);
    }

    HttpServiceApi(String baseUrl, long pauseMillis) {
        this.baseUrl = baseUrl;
        this.pauseMillis = pauseMillis;
    }

    @Override
    public Answer call(String method, String path, String token, JsonNode body) {
        return send(method, path, request(method, path, token, body == null ? null : "application/json",
                body == null ? null : write(body)));
    }

    @Override
    public Answer upload(String method, String path, String token, String contentType, String body) {
        return send(method, path, request(method, path, token, contentType, body));
    }

    private Answer send(String method, String path, HttpRequest request) {
        String failure = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                Answer answer = new Answer(response.statusCode(), parse(response.body()));
                if (!TRANSIENT.contains(answer.status()) || attempt == ATTEMPTS) {
                    return answer;
                }
                failure = answer.describe();
            } catch (IOException e) {
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SeedException("interrupted", e);
            }
            pause();
        }
        throw new SeedException(method + " " + baseUrl + path + " got no answer: " + failure);
    }

    private HttpRequest request(String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(15))
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", contentType);
            builder.method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return builder.build();
    }

    private String write(JsonNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private void pause() {
        try {
            Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeedException("interrupted", e);
        }
    }
}
