package de.govtech.platform.testkit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example check finds what a generated client or a mock server would trip over; plain, without Quarkus. */
class OpenApiExamplesTest {

    private static final String SCHEMAS = """
            "UUID": {"type": "string", "format": "uuid"},
            "Instant": {"type": "string", "format": "date-time"},
            "Level": {"type": "string", "enum": ["EINSTIEG", "EXPERT"]},
            "Topic": {"type": "object", "required": ["code"], "properties": {
              "code": {"type": "string", "examples": [%s]},
              "level": {"$ref": "#/components/schemas/Level"},
              "id": {"$ref": "#/components/schemas/UUID"},
              "at": {"$ref": "#/components/schemas/Instant"}},
              "examples": [%s]}""";

    private static String document(String propertyExample, String objectExample, String bodyExample) {
        return """
                {"openapi": "3.1.0", "paths": {"/api/v1/learning/topics/{code}": {"put": {
                  "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Topic"},
                    "examples": {"ki": {"value": %s}}}}}}}},
                 "components": {"schemas": {%s}}}""".formatted(bodyExample, SCHEMAS.formatted(propertyExample, objectExample));
    }

    private static final String VALID = """
            {"code": "KI", "level": "EINSTIEG", "id": "5b6f0b0e-3c0a-4a59-9f0c-2a1c6f1d9e01", "at": "2026-02-01T08:00:00Z"}""";

    @Test
    void validExamplesPass() {
        OpenApiExamples examples = new OpenApiExamples(document("\"KI\"", VALID, VALID));
        assertEquals(List.of(), examples.invalid());
        assertEquals(3, examples.count());
    }

    @Test
    void anInventedPropertyIsReported() {
        List<String> invalid = new OpenApiExamples(document("\"KI\"", "{\"code\": \"KI\", \"label\": \"KI\"}", VALID)).invalid();
        assertEquals(1, invalid.size(), invalid.toString());
        assertTrue(invalid.get(0).startsWith("/components/schemas/Topic "), invalid.toString());
    }

    @Test
    void wrongTypesEnumValuesFormatsAndMissingRequiredPropertiesAreReported() {
        assertEquals(1, new OpenApiExamples(document("42", VALID, VALID)).invalid().size());
        assertEquals(1, new OpenApiExamples(document("\"KI\"", "{\"code\": \"KI\", \"level\": \"PROFI\"}", VALID)).invalid().size());
        assertEquals(1, new OpenApiExamples(document("\"KI\"", "{\"code\": \"KI\", \"id\": \"42\"}", VALID)).invalid().size());
        assertEquals(1, new OpenApiExamples(document("\"KI\"", "{\"code\": \"KI\", \"at\": \"2026-02-01\"}", VALID)).invalid().size());
        assertEquals(1, new OpenApiExamples(document("\"KI\"", "{\"level\": \"EXPERT\"}", VALID)).invalid().size());
    }

    @Test
    void aRequestBodyExampleIsCheckedAgainstItsMediaTypeSchema() {
        List<String> invalid = new OpenApiExamples(document("\"KI\"", VALID, "{\"topic\": \"KI\"}")).invalid();
        assertEquals(2, invalid.size(), invalid.toString());
        assertTrue(invalid.get(0).startsWith("/paths/~1api~1v1~1learning~1topics~1{code}/put/requestBody"), invalid.toString());
    }
}
