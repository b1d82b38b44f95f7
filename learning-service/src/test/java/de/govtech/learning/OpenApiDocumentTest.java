package de.govtech.learning;

import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.OpenApiDocumentRules;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The learning-specific rules of the OpenAPI document (ids, summaries, errors, success bodies, the shared 422 and
 * valid examples are checked for every service by {@code PlatformWiringTest}): every request and response body refers
 * to a named schema, and no quiz answer can leak through a learner's schema.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "learning"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class OpenApiDocumentTest {

    private static JsonPath document() {
        return OpenApiDocumentRules.serviceDocument();
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
        for (String schema : List.of("LearnerQuiz", "LearnerQuestion", "LearnerAnswerOption", "LearnerLesson",
                "LearnerModule", "CatalogueCourseDetail")) {
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
}
