package de.govtech.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** One answer of the gateway, with assertions that show the whole exchange when they fail. */
record ApiResponse(String method, URI uri, int status, HttpHeaders headers, String body) {

    JsonNode json() {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return Gateway.JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + this, e);
        }
    }

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The last path segment of the Location header: the id of what a POST created. */
    String createdId() {
        String location = header("Location");
        assertTrue(location != null && !location.isBlank(), "no Location: " + this);
        return location.substring(location.lastIndexOf('/') + 1);
    }

    ApiResponse assertStatus(int expected) {
        assertEquals(expected, status, () -> "unexpected status: " + this);
        return this;
    }

    ApiResponse assertSuccess() {
        assertTrue(status >= 200 && status < 300, () -> "expected a 2xx: " + this);
        return this;
    }

    /** One of the given statuses (a refusal may be 403 or 404 by design). */
    ApiResponse assertStatusIn(int... expected) {
        for (int status : expected) {
            if (this.status == status) {
                return this;
            }
        }
        return fail("expected one of " + java.util.Arrays.toString(expected) + ": " + this);
    }

    /** An RFC 9457 problem with the answer's status. */
    ApiResponse assertProblem() {
        String contentType = header("Content-Type");
        assertTrue(contentType != null && contentType.startsWith("application/problem+json"),
                () -> "not application/problem+json: " + this);
        assertEquals(status, json().path("status").asInt(), () -> "problem status differs from HTTP status: " + this);
        return this;
    }

    @Override
    public String toString() {
        return method + " " + uri + " -> " + status + " " + headers.map() + "\n" + body;
    }
}
