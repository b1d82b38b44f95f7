package de.govtech.platform.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks every example of an OpenAPI 3.1 document against the schema it illustrates, as JSON Schema 2020-12 with format
 * assertions (uuid, date, date-time) on: the examples of component schemas and of their properties, and the examples
 * of request and response bodies. An example may not invent properties: for the check, every component object schema
 * that lists its properties gets {@code additionalProperties: false}. Plain: the document is a string.
 */
public final class OpenApiExamples {

    private static final String DOCUMENT_IRI = "https://govtech-kommunal.de/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaRegistry registry;
    private final List<String> invalid = new ArrayList<>();
    private int count;

    public OpenApiExamples(String document) {
        ObjectNode root = (ObjectNode) read(document);
        root.path("components").path("schemas").properties()
                .forEach(schema -> closeObjects(schema.getValue()));
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemas(Map.of(DOCUMENT_IRI, root.toString()))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        root.path("components").path("schemas").properties()
                .forEach(schema -> schemaExamples("/components/schemas/" + escape(schema.getKey()), schema.getValue()));
        bodyExamples("/paths", root.path("paths"));
        bodyExamples("/components/responses", root.path("components").path("responses"));
        bodyExamples("/components/requestBodies", root.path("components").path("requestBodies"));
    }

    /** How many examples were checked. */
    public int count() {
        return count;
    }

    /** One line per example that is not an instance of its schema: where it is and what is wrong. */
    public List<String> invalid() {
        return invalid;
    }

    private static void closeObjects(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return;
        }
        boolean composed = node.has("allOf") || node.has("anyOf") || node.has("oneOf") || node.has("$ref");
        if (node.has("properties") && !node.has("additionalProperties") && !composed) {
            node.put("additionalProperties", false);
        }
        subSchemas(node).forEach(OpenApiExamples::closeObjects);
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

    private void schemaExamples(String pointer, JsonNode schema) {
        schema.path("examples").forEach(example -> check(pointer, example));
        if (schema.has("example")) {
            check(pointer, schema.get("example"));
        }
        schema.path("properties").properties()
                .forEach(property -> schemaExamples(pointer + "/properties/" + escape(property.getKey()), property.getValue()));
        if (schema.path("items").isObject()) {
            schemaExamples(pointer + "/items", schema.get("items"));
        }
    }

    /** Walks paths and shared responses to their media type objects ({@code content/<media type>}). */
    private void bodyExamples(String pointer, JsonNode node) {
        if (!node.isObject()) {
            return;
        }
        if (pointer.matches(".*/content/[^/]+") && node.has("schema")) {
            String schema = pointer + "/schema";
            if (node.has("example")) {
                check(schema, node.get("example"));
            }
            node.path("examples").forEach(example -> {
                if (example.has("value")) {
                    check(schema, example.get("value"));
                }
            });
            return;
        }
        node.properties().forEach(child -> bodyExamples(pointer + "/" + escape(child.getKey()), child.getValue()));
    }

    private void check(String pointer, JsonNode example) {
        count++;
        Schema schema = registry.getSchema("{\"$ref\": \"" + DOCUMENT_IRI + "#" + pointer + "\"}", InputFormat.JSON);
        schema.validate(example.toString(), InputFormat.JSON).forEach(error -> invalid.add(
                pointer + " " + error.getInstanceLocation() + ": " + error.getMessage()));
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode read(String document) {
        try {
            return JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
