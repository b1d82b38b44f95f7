package de.govtech.learning;

import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document is complete enough to generate clients from: every operation has an operationId and a summary
 * and documents its errors; every request and response body refers to a named schema, and no quiz answer can leak
 * through a learner's schema.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "learning"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class OpenApiDocumentTest {

    private static JsonPath document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasAnOperationIdASummaryAndDocumentedErrors() {
        Map<String, Map<String, Object>> paths = document().getMap("paths");
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                if (!(operation.getValue() instanceof Map)) {
                    continue;
                }
                Map<String, Object> op = (Map<String, Object>) operation.getValue();
                operations++;
                Map<String, Object> responses = (Map<String, Object>) op.get("responses");
                boolean publicOperation = op.get("security") == null && String.valueOf(op.get("tags")).contains("Verification");
                boolean errorsDocumented = responses.containsKey("400") && (publicOperation || responses.containsKey("401"));
                if (op.get("operationId") == null || op.get("summary") == null || !errorsDocumented) {
                    missing.add(operation.getKey() + " " + path.getKey());
                }
            }
        }
        assertTrue(operations >= 12, "operations: " + operations);
        assertEquals(List.of(), missing);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyBodyIsANamedSchema() {
        Map<String, Map<String, Object>> paths = document().getMap("paths");
        List<String> anonymous = new ArrayList<>();
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                if (!(operation.getValue() instanceof Map<?, ?> op)) {
                    continue;
                }
                List<Object> bodies = new ArrayList<>();
                if (op.get("requestBody") instanceof Map<?, ?> request) {
                    bodies.add(request.get("content"));
                }
                for (Object response : ((Map<String, Object>) op.get("responses")).values()) {
                    if (response instanceof Map<?, ?> r && r.get("content") != null) {
                        bodies.add(r.get("content"));
                    }
                }
                for (Object content : bodies) {
                    for (Object media : ((Map<String, Object>) content).values()) {
                        Object schema = ((Map<String, Object>) media).get("schema");
                        String text = String.valueOf(schema);
                        boolean named = text.contains("$ref") || text.contains("type=string");
                        if (!named) {
                            anonymous.add(operation.getKey() + " " + path.getKey() + " " + text);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), anonymous);
    }

    @Test
    void learnerSchemasCarryNoAnswers() {
        JsonPath doc = document();
        for (String schema : List.of("LearnerQuiz", "LearnerQuestion", "LearnerAnswerOption", "CatalogueCourseDetail")) {
            String text = String.valueOf(doc.getMap("components.schemas." + schema));
            assertTrue(!text.contains("correct") && !text.equals("null"), schema + ": " + text);
        }
    }

    @Test
    void actionsAreVerbsUnderTheResource() {
        JsonPath doc = document();
        assertEquals("confirmAttendance",
                doc.getString("paths['/api/v1/learning/enrolments/{enrolmentId}/confirm-attendance'].post.operationId"));
        Map<String, Object> paths = doc.getMap("paths");
        assertEquals(List.of(), paths.keySet().stream().filter(path -> path.endsWith("/attendance")).toList());
    }

    /** No resource writes 422 by hand: platform-service-support's filter documents it on every state-changing operation. */
    @Test
    @SuppressWarnings("unchecked")
    void everyStateChangingOperationDocumentsTheBusinessRuleProblem() {
        Map<String, Map<String, Object>> paths = document().getMap("paths");
        List<String> without = new ArrayList<>();
        int stateChanging = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                if (!List.of("post", "put", "patch", "delete").contains(operation.getKey())) {
                    continue;
                }
                stateChanging++;
                Map<String, Object> responses = (Map<String, Object>) ((Map<String, Object>) operation.getValue()).get("responses");
                Object unprocessable = responses.get("422");
                if (!(unprocessable instanceof Map<?, ?> response)
                        || !"#/components/responses/UnprocessableContent".equals(response.get("$ref"))) {
                    without.add(operation.getKey() + " " + path.getKey() + " " + unprocessable);
                }
            }
        }
        assertTrue(stateChanging >= 10, "state-changing operations: " + stateChanging);
        assertEquals(List.of(), without);
    }
}
