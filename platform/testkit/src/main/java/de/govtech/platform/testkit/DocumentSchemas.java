package de.govtech.platform.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schemas of an OpenAPI 3.1 document as JSON Schema 2020-12, with format assertions (uuid, date, date-time) on:
 * any schema of the document is addressed by its JSON pointer, and its {@code $ref}s resolve within the document.
 * Nothing may invent properties: every component object schema that lists its properties (and is not composed) gets
 * {@code additionalProperties: false}. Thread-safe once built.
 */
final class DocumentSchemas {

    private static final String DOCUMENT_IRI = "https://govtech-kommunal.de/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root;
    private final SchemaRegistry registry;
    private final Map<String, Schema> byPointer = new ConcurrentHashMap<>();

    DocumentSchemas(String document) {
        root = (ObjectNode) read(document);
        root.path("components").path("schemas").properties().forEach(schema -> closeObjects(schema.getValue()));
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemas(Map.of(DOCUMENT_IRI, root.toString()))
                .schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true).pathType(PathType.JSON_POINTER).build()));
    }

    /** The document as read (with the closed object schemas). */
    JsonNode root() {
        return root;
    }

    /** What is wrong with {@code json} as an instance of the schema at {@code pointer}; empty if nothing. */
    List<Error> errors(String pointer, String json) {
        Schema schema = byPointer.computeIfAbsent(pointer, at -> registry.getSchema(
                "{\"$ref\": \"" + DOCUMENT_IRI + "#" + at + "\"}", InputFormat.JSON));
        return schema.validate(json, InputFormat.JSON);
    }

    /** A key as a JSON pointer token. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeObjects(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return;
        }
        boolean composed = node.has("allOf") || node.has("anyOf") || node.has("oneOf") || node.has("$ref");
        if (node.has("properties") && !node.has("additionalProperties") && !composed) {
            node.put("additionalProperties", false);
        }
        subSchemas(node).forEach(DocumentSchemas::closeObjects);
    }

    private static List<JsonNode> subSchemas(JsonNode schema) {
        List<JsonNode> children = new ArrayList<>();
        schema.path("properties").forEach(children::add);
        for (String key : List.of("items", "additionalProperties", "not")) {
            if (schema.path(key).isObject()) {
                children.add(schema.get(key));
            }
        }
        for (String key : List.of("allOf", "anyOf", "oneOf", "prefixItems")) {
            schema.path(key).forEach(children::add);
        }
        return children;
    }
}
