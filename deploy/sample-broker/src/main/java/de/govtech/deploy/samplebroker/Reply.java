package de.govtech.deploy.samplebroker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the broker answers: status, content type, body and extra headers; {@code delay} before anything is sent, and
 * {@code trickle}: send the headers, then the body a byte at a time without ever finishing it.
 */
record Reply(int status, String contentType, String body, Map<String, String> headers, Duration delay, boolean trickle) {

    Reply {
        headers = Map.copyOf(headers);
    }

    static Reply json(int status, JsonNode body) {
        try {
            return new Reply(status, "application/json", Json.MAPPER.writeValueAsString(body), Map.of(), Duration.ZERO, false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** OSB error body: {@code {"description": ...}}. */
    static Reply error(int status, String description) {
        return json(status, Json.description(description));
    }

    /** OSB error body with an error code: {@code {"error": ..., "description": ...}}. */
    static Reply error(int status, String error, String description) {
        return json(status, Json.object().put("error", error).put("description", description));
    }

    /** {@code {}}, as OSB wants it for 410 Gone. */
    static Reply empty(int status) {
        return json(status, Json.object());
    }

    static Reply html(int status, String html) {
        return new Reply(status, "text/html; charset=utf-8", html, Map.of(), Duration.ZERO, false);
    }

    Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, contentType, body, more, delay, trickle);
    }

    Reply delayed(Duration by) {
        return new Reply(status, contentType, body, headers, by, trickle);
    }

    Reply trickled() {
        return new Reply(status, contentType, body, headers, delay, true);
    }
}
