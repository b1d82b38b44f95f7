package de.govtech.platform.testkit;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the response check finds in a real answer, against a small document; plain, without Quarkus. */
class ResponseContractTest {

    private static final String JSON = "application/json";
    private static final String TOPIC = "/api/v1/learning/topics/KI";

    private static final ResponseContract CONTRACT = new ResponseContract("""
            {"openapi": "3.1.0", "paths": {
              "/api/v1/learning/topics/{code}": {"get": {"operationId": "getTopic", "responses": {
                "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Topic"}}}},
                "404": {"$ref": "#/components/responses/NotFound"}}}},
              "/api/v1/learning/topics/mine": {"get": {"operationId": "myTopics", "responses": {
                "200": {"content": {"application/json": {"schema": {"type": "array",
                  "items": {"$ref": "#/components/schemas/Topic"}}}}},
                "default": {"$ref": "#/components/responses/NotFound"}}}},
              "/api/v1/learning/topics/export": {"get": {"operationId": "exportTopics", "responses": {
                "200": {"content": {"text/csv": {"schema": {"type": "string"}}}}}}}},
             "components": {
              "responses": {"NotFound": {"content": {"application/problem+json": {
                "schema": {"$ref": "#/components/schemas/Problem"}}}}},
              "schemas": {
               "Problem": {"type": "object", "properties": {"type": {"type": "string"}, "status": {"type": "integer"}}},
               "Topic": {"type": "object", "required": ["code"], "properties": {
                 "code": {"type": "string"},
                 "id": {"type": "string", "format": "uuid"},
                 "at": {"type": "string", "format": "date-time"}}}}}}""");

    private static Optional<String> get(String path, int status, String contentType, String body) {
        return CONTRACT.violation("GET", path, status, contentType, body);
    }

    @Test
    void anAnswerAsDocumentedPasses() {
        assertEquals(Optional.empty(), get(TOPIC, 200, JSON + ";charset=UTF-8",
                "{\"code\": \"KI\", \"id\": \"5b6f0b0e-3c0a-4a59-9f0c-2a1c6f1d9e01\", \"at\": \"2026-02-01T08:00:00Z\"}"));
        assertEquals(Optional.empty(), get(TOPIC, 404, "application/problem+json", "{\"type\": \"t\", \"status\": 404}"));
        assertEquals(Optional.empty(), get("/api/v1/learning/topics/mine", 200, JSON, "[{\"code\": \"KI\"}]"));
    }

    @Test
    void aNullTheSchemaDoesNotAllowIsReportedWithOperationStatusAndPointer() {
        String violation = get(TOPIC, 200, JSON, "{\"code\": \"KI\", \"at\": null}").orElseThrow();
        assertTrue(violation.startsWith("GET /api/v1/learning/topics/{code} (getTopic) answered 200"), violation);
        assertTrue(violation.contains("at /at: "), violation);
    }

    @Test
    void wrongTypesFormatsMissingAndUndocumentedPropertiesAreReported() {
        assertTrue(get(TOPIC, 200, JSON, "{\"code\": 42}").orElseThrow().contains("at /code: "));
        assertTrue(get(TOPIC, 200, JSON, "{\"code\": \"KI\", \"id\": \"42\"}").orElseThrow().contains("at /id: "));
        assertTrue(get(TOPIC, 200, JSON, "{\"id\": \"5b6f0b0e-3c0a-4a59-9f0c-2a1c6f1d9e01\"}").isPresent());
        assertTrue(get(TOPIC, 200, JSON, "{\"code\": \"KI\", \"label\": \"KI\"}").orElseThrow().contains("label"));
        assertTrue(get("/api/v1/learning/topics/mine", 200, JSON, "[{\"code\": \"KI\"}, {\"code\": 5}]").orElseThrow()
                .contains("at /1/code: "));
    }

    @Test
    void sharedResponsesAndDefaultAreFollowed() {
        String violation = get(TOPIC, 404, "application/problem+json", "{\"status\": \"404\"}").orElseThrow();
        assertTrue(violation.contains("/components/responses/NotFound/") && violation.contains("at /status: "), violation);
        assertTrue(get("/api/v1/learning/topics/mine", 403, "application/problem+json", "{\"status\": []}").isPresent());
    }

    @Test
    void anUndocumentedSuccessIsAViolationAnUndocumentedErrorIsNot() {
        assertTrue(get(TOPIC, 201, JSON, "{\"code\": \"KI\"}").orElseThrow().contains("answered 201, which it does not document"));
        assertEquals(Optional.empty(), get(TOPIC, 405, "application/problem+json", "{\"status\": \"x\"}"));
    }

    @Test
    void aJsonBodyWhereTheResponseDocumentsAnotherMediaTypeIsAViolation() {
        assertTrue(get(TOPIC, 404, JSON, "{}").orElseThrow().contains("with application/json"));
        assertEquals(Optional.empty(), get("/api/v1/learning/topics/export", 200, "text/csv", "code\nKI"));
    }

    @Test
    void aLiteralSegmentWinsOverATemplate() {
        assertTrue(get("/api/v1/learning/topics/mine", 200, JSON, "{\"code\": \"KI\"}").orElseThrow().contains("(myTopics)"));
    }

    @Test
    void whatTheDocumentDoesNotDescribeIsNotChecked() {
        assertEquals(Optional.empty(), get("/q/health", 200, JSON, "{\"status\": \"UP\"}"));
        assertEquals(Optional.empty(), CONTRACT.violation("DELETE", TOPIC, 200, JSON, "{}"));
        assertEquals(Optional.empty(), get(TOPIC, 200, JSON, ""));
    }
}
