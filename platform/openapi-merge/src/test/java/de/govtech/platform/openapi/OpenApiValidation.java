package de.govtech.platform.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Checks a document against the published JSON Schema of OpenAPI 3.1 documents
 * ({@code https://spec.openapis.org/oas/3.1/schema/2025-11-23}, kept in {@code src/test/resources/oas}), and each
 * component schema against the JSON Schema 2020-12 meta-schema (the OpenAPI schema leaves Schema Objects out).
 * Shared with the gateway's tests through this module's test jar.
 */
public final class OpenApiValidation {

    private static final String OAS_RESOURCE = "oas/schema-3.1-2025-11-23.json";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Schema OAS_31 = REGISTRY.getSchema(SchemaLocation.of("https://spec.openapis.org/oas/3.1/schema/2025-11-23"),
            resource(OAS_RESOURCE), InputFormat.JSON);
    private static final Schema JSON_SCHEMA_2020_12 = REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    private OpenApiValidation() {
    }

    /** The violations, empty if {@code document} is a valid OpenAPI 3.1 document. */
    public static List<String> violations(JsonNode document) {
        List<String> violations = new ArrayList<>();
        OAS_31.validate(document.toString(), InputFormat.JSON)
                .forEach(error -> violations.add(error.getInstanceLocation() + ": " + error.getMessage()));
        document.path("components").path("schemas").fields().forEachRemaining(schema -> JSON_SCHEMA_2020_12
                .validate(schema.getValue().toString(), InputFormat.JSON)
                .forEach(error -> violations.add("/components/schemas/" + schema.getKey() + error.getInstanceLocation()
                        + ": " + error.getMessage())));
        return violations;
    }

    private static String resource(String name) {
        try (InputStream in = OpenApiValidation.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
