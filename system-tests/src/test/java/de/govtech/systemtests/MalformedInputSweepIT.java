package de.govtech.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static de.govtech.systemtests.DevUsers.HEILBRONN_ADMIN;
import static de.govtech.systemtests.DevUsers.HEILBRONN_STAFF;
import static de.govtech.systemtests.DevUsers.LEARNING_EDITOR;
import static de.govtech.systemtests.DevUsers.PLATFORM_ADMIN;
import static de.govtech.systemtests.DevUsers.VENDOR;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every operation of the merged OpenAPI document, as every role and anonymously, with malformed path values,
 * query values and bodies (wrong types, missing and unknown fields, huge strings, NUL characters, deep nesting,
 * wrong content type). No answer may be a 5xx, and every 4xx must be an RFC 9457 problem. Runs last
 * ({@link ClassOrderer.OrderAnnotation}, see junit-platform.properties): whatever it manages to change cannot
 * disturb the journeys.
 */
@ExtendWith(StackExtension.class)
@Order(Integer.MAX_VALUE)
class MalformedInputSweepIT {

    private static final List<String> ROLES = Arrays.asList(null, PLATFORM_ADMIN, HEILBRONN_ADMIN, HEILBRONN_STAFF,
            VENDOR, LEARNING_EDITOR);
    private static final String HUGE = "x".repeat(20_000);
    /** Long, but within what HTTP servers accept in a request line (8 KiB): beyond that the connection is refused. */
    private static final String LONG = "x".repeat(300);
    private static final List<String> BAD_PATH_VALUES = List.of("not-a-uuid", "%00", "-1", "99999999999999999999", LONG);
    private static final List<String> BAD_QUERY_VALUES = List.of("not-a-value", "-1", "99999999999999999999", "%00",
            LONG, "");
    private static final int MAX_REPORTED = 80;

    private final PlatformStack stack;
    private final Gateway gateway;

    MalformedInputSweepIT(PlatformStack stack) {
        this.stack = stack;
        this.gateway = stack.gateway();
    }

    @Test
    void noOperationAnswers5xxOrAnythingButAProblemToMalformedInput() {
        JsonNode document = gateway.get("/api/v1/openapi", null).assertStatus(200).json();
        OpenApiOperations api = OpenApiOperations.of(document);
        assertTrue(api.operations().size() > 100, "the merged document lists only " + api.operations().size() + " operations");
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String role : ROLES) {
            tokens.put(role == null ? "anonymous" : role, role == null ? null : stack.tokenOf(role));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (OpenApiOperations.Operation operation : api.operations()) {
            List<Probe> probes = probes(api.document(), operation);
            for (Map.Entry<String, String> role : tokens.entrySet()) {
                for (Probe probe : probes) {
                    ApiResponse response;
                    try {
                        response = gateway.exchange(operation.method(), probe.path(), role.getValue(),
                                "application/json, application/problem+json", probe.contentType(), probe.body());
                    } catch (RuntimeException e) {
                        failures.add("no answer (" + abbreviate(String.valueOf(e.getCause())) + ") — " + role.getKey() + " " + operation + " " + probe.name());
                        continue;
                    }
                    requests++;
                    statuses.merge(response.status(), 1, Integer::sum);
                    String fault = fault(response);
                    if (fault != null) {
                        failures.add(fault + " — " + role.getKey() + " " + operation + " " + probe.name() + ": "
                                + abbreviate(response.body()));
                    }
                }
            }
        }
        System.out.println("Malformed-input sweep: " + requests + " requests over " + api.operations().size()
                + " operations and " + tokens.size() + " callers; statuses " + statuses);
        assertTrue(failures.isEmpty(), failures.size() + " answers were a 5xx or a 4xx without a problem body:\n"
                + String.join("\n", failures.subList(0, Math.min(MAX_REPORTED, failures.size()))));
    }

    private static String fault(ApiResponse response) {
        if (response.status() >= 500) {
            return response.status() + "";
        }
        if (response.status() >= 400) {
            String type = response.header("Content-Type");
            if (type == null || !type.startsWith("application/problem+json")) {
                return response.status() + " as " + type;
            }
            if (response.json().path("status").asInt() != response.status()) {
                return response.status() + " with problem status " + response.json().path("status");
            }
        }
        return null;
    }

    /** The requests for one operation: well-formed ids first, then one kind of malformation at a time. */
    private static List<Probe> probes(JsonNode document, OpenApiOperations.Operation operation) {
        List<Probe> probes = new ArrayList<>();
        String path = fill(operation, null, null);
        String validBody = operation.takesJson() ? "{}" : null;
        String validType = operation.takesJson() ? "application/json" : null;
        probes.add(new Probe("as is", path, validType, validBody));
        for (OpenApiOperations.Parameter parameter : operation.in("path")) {
            for (String value : BAD_PATH_VALUES) {
                probes.add(new Probe("path " + parameter.name() + "=" + abbreviate(value),
                        fill(operation, parameter.name(), value), validType, validBody));
            }
        }
        List<OpenApiOperations.Parameter> query = operation.in("query");
        if (!query.isEmpty()) {
            for (String value : BAD_QUERY_VALUES) {
                StringBuilder url = new StringBuilder(path).append('?');
                for (OpenApiOperations.Parameter parameter : query) {
                    url.append(parameter.name()).append('=')
                            .append(value.equals("%00") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
                }
                probes.add(new Probe("query all=" + abbreviate(value), url.substring(0, url.length() - 1), validType, validBody));
            }
        }
        if (operation.takesJson()) {
            JsonNode properties = properties(document, operation.jsonBodySchema());
            probes.add(new Probe("body []", path, "application/json", "[]"));
            probes.add(new Probe("body string", path, "application/json", "\"just a string\""));
            probes.add(new Probe("body truncated", path, "application/json", "{\"name\": "));
            probes.add(new Probe("body deep", path, "application/json", "[".repeat(5_000) + "]".repeat(5_000)));
            probes.add(new Probe("body deep object", path, "application/json",
                    "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000)));
            probes.add(new Probe("body unknown property", path, "application/json", "{\"surely-unknown-property\": 1}"));
            probes.add(new Probe("body wrong types", path, "application/json", bodyOf(properties, Malformation.WRONG_TYPE)));
            probes.add(new Probe("body huge strings", path, "application/json", bodyOf(properties, Malformation.HUGE)));
            probes.add(new Probe("body NUL strings", path, "application/json", bodyOf(properties, Malformation.NUL)));
            probes.add(new Probe("body as text/plain", path, "text/plain", "hello"));
        } else if (!operation.mediaTypes().isEmpty()) {
            probes.add(new Probe("body empty", path, operation.mediaTypes().get(0), ""));
            probes.add(new Probe("body NUL", path, operation.mediaTypes().get(0), "a\u0000b"));
            probes.add(new Probe("body as JSON", path, "application/json", "{}"));
        }
        return probes;
    }

    private static String fill(OpenApiOperations.Operation operation, String malformed, String value) {
        String path = operation.path();
        for (OpenApiOperations.Parameter parameter : operation.in("path")) {
            String replacement = parameter.name().equals(malformed) ? value : sample(parameter.schema());
            path = path.replace("{" + parameter.name() + "}", replacement);
        }
        return path;
    }

    /** A well-formed value that names nothing that exists. */
    private static String sample(JsonNode schema) {
        String type = schema.path("type").asText();
        if (type.equals("integer")) {
            return "2031";
        }
        if (schema.has("enum")) {
            return schema.path("enum").path(0).asText();
        }
        if (schema.path("format").asText().equals("uuid") || type.isEmpty() || type.equals("string")) {
            return UUID.randomUUID().toString();
        }
        return "1";
    }

    private static JsonNode properties(JsonNode document, JsonNode schema) {
        JsonNode resolved = OpenApiOperations.resolve(document, schema);
        if (resolved.has("properties")) {
            return resolved.path("properties");
        }
        for (JsonNode part : resolved.path("allOf")) {
            JsonNode properties = properties(document, part);
            if (properties.size() > 0) {
                return properties;
            }
        }
        return Gateway.JSON.createObjectNode();
    }

    private enum Malformation { WRONG_TYPE, HUGE, NUL }

    private static String bodyOf(JsonNode properties, Malformation malformation) {
        ObjectNode body = Gateway.JSON.createObjectNode();
        properties.fields().forEachRemaining(property -> {
            String type = property.getValue().path("type").asText();
            String name = property.getKey();
            switch (malformation) {
                case WRONG_TYPE -> {
                    if (type.equals("string")) {
                        body.put(name, 12345);
                    } else if (type.equals("array")) {
                        body.put(name, "not an array");
                    } else {
                        body.put(name, "not a " + (type.isEmpty() ? "value" : type));
                    }
                }
                case HUGE -> body.put(name, HUGE);
                case NUL -> body.put(name, "a\u0000b");
            }
        });
        if (body.isEmpty()) {
            body.put("value", malformation == Malformation.HUGE ? HUGE : "a\u0000b");
        }
        return body.toString();
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replace("\u0000", "\\0").replace('\n', ' ');
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }

    private record Probe(String name, String path, String contentType, String body) {
    }
}
