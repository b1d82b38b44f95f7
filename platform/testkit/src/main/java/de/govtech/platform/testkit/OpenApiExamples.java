package de.govtech.platform.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks every example of an OpenAPI 3.1 document against the schema it illustrates, as JSON Schema 2020-12 with format
 * assertions (uuid, date, date-time) on: the examples of component schemas and of their properties, and the examples
 * of request and response bodies. An example may not invent properties: for the check, every component object schema
 * that lists its properties gets {@code additionalProperties: false}. Plain: the document is a string.
 */
public final class OpenApiExamples {

    private final DocumentSchemas schemas;
    private final List<String> invalid = new ArrayList<>();
    private int count;

    public OpenApiExamples(String document) {
        schemas = new DocumentSchemas(document);
        JsonNode root = schemas.root();
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
        schemas.errors(pointer, example.toString()).forEach(error -> invalid.add(
                pointer + " " + error.getInstanceLocation() + ": " + error.getMessage()));
    }

    private static String escape(String token) {
        return DocumentSchemas.escape(token);
    }
}
