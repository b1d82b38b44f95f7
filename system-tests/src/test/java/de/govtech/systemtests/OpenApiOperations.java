package de.govtech.systemtests;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The operations of an OpenAPI 3.1 document as the sweep needs them: method, path, parameters and body schema. */
record OpenApiOperations(JsonNode document, List<Operation> operations) {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    static OpenApiOperations of(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                JsonNode operation = method.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode list : List.of(path.getValue().path("parameters"), operation.path("parameters"))) {
                    for (JsonNode parameter : list) {
                        JsonNode resolved = resolve(document, parameter);
                        parameters.add(new Parameter(resolved.path("name").asText(), resolved.path("in").asText(),
                                resolve(document, resolved.path("schema"))));
                    }
                }
                JsonNode content = resolve(document, operation.path("requestBody")).path("content");
                List<String> mediaTypes = new ArrayList<>();
                content.fieldNames().forEachRemaining(mediaTypes::add);
                JsonNode bodySchema = resolve(document, content.path("application/json").path("schema"));
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(),
                        operation.path("operationId").asText(), parameters, mediaTypes, bodySchema));
            }
        }
        return new OpenApiOperations(document, operations);
    }

    /** Follows {@code $ref}s within the document (several levels). */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
            String ref = current.path("$ref").asText();
            if (!ref.startsWith("#/")) {
                return current;
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }

    record Parameter(String name, String in, JsonNode schema) {
    }

    record Operation(String method, String path, String id, List<Parameter> parameters, List<String> mediaTypes,
                     JsonNode jsonBodySchema) {

        List<Parameter> in(String location) {
            return parameters.stream().filter(p -> p.in().equals(location)).toList();
        }

        boolean takesJson() {
            return mediaTypes.contains("application/json");
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + id + ")";
        }
    }
}
