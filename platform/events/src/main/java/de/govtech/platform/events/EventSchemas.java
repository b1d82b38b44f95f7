package de.govtech.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates event payloads against the JSON Schema (draft 2020-12) of their type, with format assertions
 * ({@code uuid}, {@code date}, {@code date-time}) switched on. Producers call {@link #validate(String, byte[])} before
 * an event leaves the service; schemas are compiled once per type and cached.
 */
public final class EventSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true)
                    .pathType(PathType.JSON_POINTER)
                    .build()));

    private static final Map<EventType, Schema> COMPILED = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /**
     * Validates produced event data.
     *
     * @param type the CloudEvents type name
     * @param json the payload as JSON bytes (the Kafka record value)
     * @return the violations, empty if the payload is valid
     * @throws UnknownEventTypeException if {@code type} is not registered
     */
    public static List<SchemaViolation> validate(String type, byte[] json) {
        return validate(EventType.forName(type), json);
    }

    public static List<SchemaViolation> validate(String type, JsonNode json) {
        return validate(EventType.forName(type), json);
    }

    public static List<SchemaViolation> validate(EventType type, JsonNode json) {
        try {
            return check(type, EventJson.mapper().writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<SchemaViolation> validate(EventType type, byte[] json) {
        try {
            EventJson.readTree(json);
        } catch (UncheckedIOException e) {
            return List.of(new SchemaViolation("", "json", "not a JSON document: " + e.getMessage()));
        }
        return check(type, new String(json, StandardCharsets.UTF_8));
    }

    /** Validates and throws {@link EventSchemaViolationException} listing every violation. */
    public static void requireValid(String type, byte[] json) {
        List<SchemaViolation> violations = validate(type, json);
        if (!violations.isEmpty()) {
            throw new EventSchemaViolationException(type, violations);
        }
    }

    /** The schema document of {@code type} as text, e.g. to serve it next to the AsyncAPI document. */
    public static String schemaText(EventType type) {
        return EventContracts.readResource(type.schemaResource());
    }

    private static List<SchemaViolation> check(EventType type, String json) {
        return schema(type).validate(json, InputFormat.JSON).stream()
                .map(EventSchemas::toViolation)
                .toList();
    }

    private static Schema schema(EventType type) {
        return COMPILED.computeIfAbsent(type, t -> REGISTRY.getSchema(
                SchemaLocation.of("classpath:" + t.schemaResource()), schemaText(t), InputFormat.JSON));
    }

    private static SchemaViolation toViolation(Error error) {
        String path = error.getInstanceLocation().toString();
        // "required" reports the object that lacks the field; point at the missing field itself.
        if (error.getProperty() != null && "required".equals(error.getKeyword())) {
            path = path + "/" + error.getProperty().replace("~", "~0").replace("/", "~1");
        }
        return new SchemaViolation(path, error.getKeyword(), error.getMessage());
    }
}
