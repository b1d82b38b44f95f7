package de.govtech.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One HTTP look at a health endpoint: UP means 200 with {@code "status": "UP"}. */
final class HealthProbe {

    record Result(boolean up, String detail) {
    }

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final ObjectMapper json = new ObjectMapper();

    Result check(String url) {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String status = statusOf(response.body());
            boolean up = response.statusCode() == 200 && "UP".equals(status);
            return new Result(up, "HTTP " + response.statusCode() + (status.isEmpty() ? "" : ", status " + status));
        } catch (IOException e) {
            return new Result(false, "no answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted");
        }
    }

    /** The HTTP status of a plain GET, or -1 when nothing answers. */
    int httpStatus(String url) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String statusOf(String body) {
        try {
            JsonNode tree = json.readTree(body);
            return tree == null ? "" : tree.path("status").asText("");
        } catch (IOException e) {
            return "";
        }
    }
}
