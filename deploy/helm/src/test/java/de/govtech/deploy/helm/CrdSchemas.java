package de.govtech.deploy.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The operators' CustomResourceDefinitions kept in {@code deploy/helm/crds/}, turned into JSON Schemas that validate a
 * custom resource the way the API server does with strict field validation ({@code kubectl apply --validate=strict}):
 * types, enums, required fields, and no field the schema does not declare unless it says
 * {@code x-kubernetes-preserve-unknown-fields}. Not checked: CEL rules ({@code x-kubernetes-validations}) and formats.
 */
final class CrdSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** apiVersion/kind → schema, for every served version. */
    private final Map<String, Schema> schemas = new HashMap<>();

    private CrdSchemas() {
    }

    static CrdSchemas load(Path directory) {
        CrdSchemas crds = new CrdSchemas();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(crds::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return crds;
    }

    private void add(Path file) {
        JsonNode crd = Chart.readYaml(file);
        if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
            throw new IllegalStateException(file + " is not a CustomResourceDefinition");
        }
        String group = crd.path("spec").path("group").asText();
        String kind = crd.path("spec").path("names").path("kind").asText();
        for (JsonNode version : crd.path("spec").path("versions")) {
            if (version.path("served").asBoolean()) {
                ObjectNode schema = (ObjectNode) strict(version.path("schema").path("openAPIV3Schema"));
                ObjectNode root = schema.has("properties") ? (ObjectNode) schema.get("properties") : schema.putObject("properties");
                // the API server always accepts these at the root, whether the CRD's schema lists them or not
                root.putIfAbsent("apiVersion", NODES.objectNode().put("type", "string"));
                root.putIfAbsent("kind", NODES.objectNode().put("type", "string"));
                root.putIfAbsent("metadata", NODES.objectNode().put("type", "object"));
                schemas.put(group + "/" + version.path("name").asText() + "/" + kind,
                        REGISTRY.getSchema(schema.toString(), InputFormat.JSON));
            }
        }
    }

    boolean knows(JsonNode object) {
        return schemas.containsKey(typeOf(object));
    }

    /** Violations of the custom resource, each with its JSON path; empty if valid. */
    List<String> violations(JsonNode object) {
        Schema schema = schemas.get(typeOf(object));
        if (schema == null) {
            return List.of(typeOf(object) + ": no served version of a CRD in crds/ defines it");
        }
        List<String> violations = new ArrayList<>();
        schema.validate(object.toString(), InputFormat.JSON)
                .forEach(error -> violations.add(error.getInstanceLocation() + ": " + error.getMessage()));
        return violations;
    }

    private static String typeOf(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    /** An OpenAPI v3 structural schema of a CRD as a strict JSON Schema 2020-12. */
    static JsonNode strict(JsonNode openApi) {
        if (!openApi.isObject()) {
            return openApi;
        }
        ObjectNode schema = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = openApi.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "properties" -> {
                    ObjectNode properties = NODES.objectNode();
                    value.fields().forEachRemaining(p -> properties.set(p.getKey(), strict(p.getValue())));
                    schema.set(key, properties);
                }
                case "items", "not" -> schema.set(key, strict(value));
                case "additionalProperties" -> schema.set(key, value.isObject() ? strict(value) : value);
                case "allOf", "anyOf", "oneOf" -> {
                    ArrayNode all = NODES.arrayNode();
                    value.forEach(s -> all.add(strict(s)));
                    schema.set(key, all);
                }
                case "nullable", "format" -> {
                }
                default -> {
                    if (!key.startsWith("x-kubernetes-")) {
                        schema.set(key, value);
                    }
                }
            }
        }
        boolean preserveUnknown = openApi.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (openApi.path("x-kubernetes-int-or-string").asBoolean(false)) {
            schema.remove("type");
        } else if (openApi.path("nullable").asBoolean(false) && schema.has("type")) {
            schema.set("type", NODES.arrayNode().add(schema.get("type")).add("null"));
        }
        if ("object".equals(openApi.path("type").asText()) && openApi.has("properties")
                && !openApi.has("additionalProperties") && !preserveUnknown) {
            schema.put("additionalProperties", false);
        }
        return schema;
    }
}
