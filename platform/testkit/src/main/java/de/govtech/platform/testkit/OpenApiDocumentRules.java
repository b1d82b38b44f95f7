package de.govtech.platform.testkit;

import io.restassured.path.json.JsonPath;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;

/**
 * The house rules for a service's OpenAPI document, the one clients are generated from: every operation has a unique
 * operationId and a summary, documents a success and the errors that apply to it (400 and 500 always; 401 and 403 when
 * secured; 404 when the path names a resource; the business-rule problem 422 as a shared response on every
 * state-changing operation); a success with a body documents it; every schema has a name we chose and every object
 * schema and JSON request body an example. Each check answers the offending operations or schemas, one line each, so
 * a test reads {@code assertEquals(List.of(), OpenApiDocumentRules.incompleteOperations(document))}.
 */
public final class OpenApiDocumentRules {

    private static final String BUSINESS_RULE_PROBLEM = "#/components/responses/UnprocessableContent";
    private static final Set<String> GENERATOR_NAMES = Set.of("Method", "Entry", "View");

    private OpenApiDocumentRules() {
    }

    /** One operation of the document: {@code GET /api/v1/...} and its definition. */
    public record Operation(String method, String path, Map<String, Object> definition) {

        public String name() {
            return method.toUpperCase() + " " + path;
        }

        public Object operationId() {
            return definition.get("operationId");
        }

        @SuppressWarnings("unchecked")
        public Map<String, Map<String, Object>> responses() {
            return (Map<String, Map<String, Object>>) definition.get("responses");
        }

        @SuppressWarnings("unchecked")
        public boolean secured() {
            List<Map<String, Object>> security = (List<Map<String, Object>>) definition.get("security");
            return security != null && security.stream().anyMatch(requirement -> requirement.containsKey("bearer"));
        }

        public boolean stateChanging() {
            return !method.equalsIgnoreCase("get");
        }
    }

    /** The running service's document, as {@code /q/openapi} serves it. */
    public static JsonPath serviceDocument() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    public static List<Operation> operations(JsonPath document) {
        List<Operation> operations = new ArrayList<>();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        paths.forEach((path, item) -> item.forEach((method, definition) -> {
            if (definition instanceof Map<?, ?>) {
                operations.add(new Operation(method, path, (Map<String, Object>) definition));
            }
        }));
        return operations;
    }

    /** Operations without a unique operationId, a summary, a success or the errors that apply to them. */
    public static List<String> incompleteOperations(JsonPath document) {
        List<String> incomplete = new ArrayList<>();
        Set<Object> ids = new HashSet<>();
        for (Operation operation : operations(document)) {
            Set<String> statuses = operation.responses().keySet();
            List<String> needed = new ArrayList<>(List.of("400", "500"));
            if (operation.secured()) {
                needed.addAll(List.of("401", "403"));
            }
            if (operation.path().contains("{")) {
                needed.add("404");
            }
            boolean success = statuses.stream().anyMatch(status -> status.startsWith("2"));
            if (operation.operationId() == null || !ids.add(operation.operationId())
                    || operation.definition().get("summary") == null || !success || !statuses.containsAll(needed)) {
                incomplete.add(operation.name() + " " + operation.operationId() + " " + statuses);
            }
        }
        return incomplete;
    }

    /** Successes other than 204 without a documented body: a generated client would not accept JSON for them. */
    public static List<String> successesWithoutBody(JsonPath document) {
        List<String> undocumented = new ArrayList<>();
        for (Operation operation : operations(document)) {
            operation.responses().forEach((status, response) -> {
                if (status.startsWith("2") && !status.equals("204") && response.get("content") == null) {
                    undocumented.add(operation.name() + " " + status);
                }
            });
        }
        return undocumented;
    }

    /** State-changing operations whose 422 is not the shared business-rule problem response. */
    public static List<String> stateChangingWithoutBusinessRuleProblem(JsonPath document) {
        List<String> without = new ArrayList<>();
        for (Operation operation : operations(document)) {
            Object unprocessable = operation.responses().get("422");
            if (operation.stateChanging() && !(unprocessable instanceof Map<?, ?> response
                    && BUSINESS_RULE_PROBLEM.equals(response.get("$ref")))) {
                without.add(operation.name() + " " + unprocessable);
            }
        }
        return without;
    }

    /** The operationIds of operations anyone may call without a token. */
    public static List<Object> publicOperations(JsonPath document) {
        return operations(document).stream().filter(operation -> !operation.secured()).map(Operation::operationId).toList();
    }

    /** Schemas named by the generator rather than by us: {@code PageXyzView}, {@code Method}, {@code Entry}, {@code View}. */
    public static List<String> generatorNamedSchemas(JsonPath document) {
        Map<String, Object> schemas = document.getMap("components.schemas");
        return schemas.keySet().stream()
                .filter(name -> name.startsWith("Page") || GENERATOR_NAMES.contains(name))
                .sorted().toList();
    }

    /** Object schemas without an example, pages and problems aside (their parts carry the examples). */
    public static List<String> objectSchemasWithoutExample(JsonPath document) {
        Map<String, Map<String, Object>> schemas = document.getMap("components.schemas");
        return schemas.entrySet().stream()
                .filter(schema -> "object".equals(schema.getValue().get("type")))
                .filter(schema -> !schema.getKey().endsWith("Page") && !schema.getKey().startsWith("Problem"))
                .filter(schema -> schema.getValue().get("examples") == null && schema.getValue().get("example") == null)
                .map(Map.Entry::getKey).sorted().toList();
    }

    /**
     * Operations whose request body has no example: a JSON body's schema needs one; a body in another media type needs
     * one in its media type.
     */
    @SuppressWarnings("unchecked")
    public static List<String> requestBodiesWithoutExample(JsonPath document) {
        Map<String, Map<String, Object>> schemas = document.getMap("components.schemas");
        List<String> without = new ArrayList<>();
        for (Operation operation : operations(document)) {
            if (!(operation.definition().get("requestBody") instanceof Map<?, ?> body)) {
                continue;
            }
            Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) body.get("content");
            Map<String, Object> json = content.get("application/json");
            boolean example;
            if (json == null) {
                example = content.values().stream().anyMatch(media -> media.get("examples") != null || media.get("example") != null);
            } else {
                Map<String, Object> schema = (Map<String, Object>) json.get("schema");
                String ref = schema == null ? null : (String) schema.get("$ref");
                Map<String, Object> target = ref == null ? schema : schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
                example = target != null && (target.get("examples") != null || target.get("example") != null);
            }
            if (!example) {
                without.add(operation.name());
            }
        }
        return without;
    }
}
