package de.govtech.solutions;

import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document is complete enough to generate clients from: every operation has an id and a summary, is
 * secured and documents its errors and its success body; every schema has a deliberate name and an example.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "solutions"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class OpenApiDocumentTest {

    private static JsonPath document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    private static List<Map.Entry<String, Map<String, Object>>> operations(JsonPath doc) {
        List<Map.Entry<String, Map<String, Object>>> operations = new ArrayList<>();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        paths.forEach((path, item) -> item.forEach((method, operation) ->
                operations.add(Map.entry(method.toUpperCase() + " " + path, (Map<String, Object>) operation))));
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static boolean secured(Map<String, Object> operation) {
        List<Map<String, Object>> security = (List<Map<String, Object>>) operation.get("security");
        return security != null && security.stream().anyMatch(requirement -> requirement.containsKey("bearer"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasAUniqueIdASummaryAndDocumentedErrors() {
        List<String> missing = new ArrayList<>();
        Set<Object> ids = new HashSet<>();
        var operations = operations(document());
        for (var entry : operations) {
            Map<String, Object> op = entry.getValue();
            Map<String, Object> responses = (Map<String, Object>) op.get("responses");
            List<String> needed = new ArrayList<>(List.of("400", "401", "403", "500"));
            if (entry.getKey().contains("{")) {
                needed.add("404");
            }
            if (!entry.getKey().startsWith("GET")) {
                needed.add("409");
            }
            boolean success = responses.keySet().stream().anyMatch(status -> status.startsWith("2"));
            if (op.get("operationId") == null || !ids.add(op.get("operationId")) || op.get("summary") == null || !success
                    || !responses.keySet().containsAll(needed)) {
                missing.add(entry.getKey() + " " + op.get("operationId") + " " + responses.keySet());
            }
        }
        assertTrue(operations.size() >= 26, "operations: " + operations.size());
        assertEquals(List.of(), missing);
    }

    @Test
    void nothingIsPublic() {
        assertEquals(List.of(), operations(document()).stream().filter(entry -> !secured(entry.getValue()))
                .map(Map.Entry::getKey).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everySuccessDocumentsItsBody() {
        List<String> undocumented = new ArrayList<>();
        for (var entry : operations(document())) {
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) entry.getValue().get("responses");
            responses.forEach((status, response) -> {
                if (status.startsWith("2") && !status.equals("204") && response.get("content") == null) {
                    undocumented.add(entry.getKey() + " " + status);
                }
            });
        }
        assertEquals(List.of(), undocumented);
    }

    @Test
    void everySchemaHasADeliberateNameAndEveryObjectSchemaAnExample() {
        Map<String, Map<String, Object>> schemas = document().getMap("components.schemas");
        List<String> generic = schemas.keySet().stream()
                .filter(name -> name.startsWith("Page") && !name.equals("Page") || Set.of("Method", "Entry", "View").contains(name))
                .sorted().toList();
        assertEquals(List.of(), generic, "schemas named by the generator instead of by us");
        List<String> withoutExample = schemas.entrySet().stream()
                .filter(s -> "object".equals(s.getValue().get("type")))
                .filter(s -> !s.getKey().startsWith("Problem") && !s.getKey().endsWith("Page") && !s.getKey().equals("Page"))
                .filter(s -> s.getValue().get("examples") == null && s.getValue().get("example") == null)
                .map(Map.Entry::getKey).sorted().toList();
        assertEquals(List.of(), withoutExample);
        assertTrue(schemas.keySet().containsAll(List.of("Solution", "SolutionPage", "SelectionRound", "SelectionRoundPage",
                "SelectionRoundResults", "Ballot", "CastBallot", "ReuseCatalogueEntry", "ReuseCataloguePage", "ReuseRequest",
                "ReuseAgreement", "CostSplitMethod", "PublicCodeImport")), schemas.keySet().toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRequestBodyHasAnExampleAndPubliccodeTakesYaml() {
        JsonPath doc = document();
        Map<String, Map<String, Object>> schemas = doc.getMap("components.schemas");
        List<String> bodiesWithoutExample = new ArrayList<>();
        for (var entry : operations(doc)) {
            Map<String, Object> body = (Map<String, Object>) entry.getValue().get("requestBody");
            if (body == null) {
                continue;
            }
            Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) body.get("content");
            Map<String, Object> json = content.get("application/json");
            if (json == null) {
                if (content.get("application/yaml") == null || content.get("application/yaml").get("examples") == null) {
                    bodiesWithoutExample.add(entry.getKey());
                }
                continue;
            }
            Map<String, Object> schema = (Map<String, Object>) json.get("schema");
            String ref = schema == null ? null : (String) schema.get("$ref");
            Map<String, Object> target = ref == null ? schema : schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            if (target == null || target.get("examples") == null) {
                bodiesWithoutExample.add(entry.getKey());
            }
        }
        assertEquals(List.of(), bodiesWithoutExample);
        Map<String, Object> yamlBody = doc.getMap("paths.'/api/v1/solutions/solutions/{id}/publiccode'.put.requestBody.content");
        assertTrue(yamlBody.keySet().containsAll(List.of("application/yaml", "text/yaml")), yamlBody.keySet().toString());
    }

    /** No resource writes 422 by hand: platform-service-support's filter documents it on every state-changing operation. */
    @Test
    @SuppressWarnings("unchecked")
    void everyStateChangingOperationDocumentsTheBusinessRuleProblem() {
        List<String> without = new ArrayList<>();
        var stateChanging = operations(document()).stream().filter(entry -> !entry.getKey().startsWith("GET")).toList();
        for (var entry : stateChanging) {
            Object unprocessable = ((Map<String, Object>) entry.getValue().get("responses")).get("422");
            if (!(unprocessable instanceof Map<?, ?> response)
                    || !"#/components/responses/UnprocessableContent".equals(response.get("$ref"))) {
                without.add(entry.getKey() + " " + unprocessable);
            }
        }
        assertTrue(stateChanging.size() >= 15, "state-changing operations: " + stateChanging.size());
        assertEquals(List.of(), without);
    }
}
