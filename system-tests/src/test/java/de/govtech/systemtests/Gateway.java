package de.govtech.systemtests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls to the gateway, the only way the tests reach the services. A null token sends none. */
final class Gateway {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    Gateway(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    ApiResponse get(String path, String token) {
        return send("GET", path, token, null);
    }

    ApiResponse post(String path, String token, Object body) {
        return send("POST", path, token, body);
    }

    ApiResponse put(String path, String token, Object body) {
        return send("PUT", path, token, body);
    }

    /** {@code body}: null for none, a String as it is, anything else as JSON. */
    ApiResponse send(String method, String path, String token, Object body) {
        return send(method, path, "Bearer " + token, body, token != null);
    }

    /** With an Authorization header exactly as given (a test of malformed headers), or none. */
    ApiResponse sendWithAuthorization(String method, String path, String authorization, Object body) {
        return send(method, path, authorization, body, authorization != null);
    }

    private ApiResponse send(String method, String path, String authorization, Object body, boolean withAuthorization) {
        return request(method, path, withAuthorization ? authorization : null, "application/json, application/problem+json",
                body == null ? null : "application/json", body == null ? null : json(body));
    }

    /** A request with its own Accept and Content-Type (a YAML upload, a JWT download); {@code token} null = anonymous. */
    ApiResponse exchange(String method, String path, String token, String accept, String contentType, String body) {
        return request(method, path, token == null ? null : "Bearer " + token, accept, contentType, body);
    }

    private ApiResponse request(String method, String path, String authorization, String accept, String contentType,
                                String body) {
        URI uri = URI.create(baseUrl + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", accept);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(method, uri, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + uri, e);
        }
    }

    private static String json(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body + " as JSON", e);
        }
    }
}
