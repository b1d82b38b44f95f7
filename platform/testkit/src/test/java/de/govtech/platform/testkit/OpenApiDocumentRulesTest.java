package de.govtech.platform.testkit;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The OpenAPI house rules without a service: a complete document passes, each gap is named. */
class OpenApiDocumentRulesTest {

    private static final String COMPLETE = """
            {"paths": {
               "/things/{id}": {
                 "get": {"operationId": "getThing", "summary": "One thing", "security": [{"bearer": []}],
                         "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                                       "400": {}, "401": {}, "403": {}, "404": {}, "500": {}}},
                 "put": {"operationId": "changeThing", "summary": "Change a thing", "security": [{"bearer": []}],
                         "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/ThingRequest"}}}},
                         "responses": {"204": {}, "400": {}, "401": {}, "403": {}, "404": {}, "500": {},
                                       "422": {"$ref": "#/components/responses/UnprocessableContent"}}}},
               "/things/{id}/manual": {
                 "put": {"operationId": "uploadManual", "summary": "Upload a manual",
                         "requestBody": {"content": {"application/yaml": {"examples": {"manual": {"value": "a: b"}}}}},
                         "responses": {"204": {}, "400": {}, "404": {}, "500": {},
                                       "422": {"$ref": "#/components/responses/UnprocessableContent"}}}}},
             "components": {"schemas": {
               "Thing": {"type": "object", "examples": [{"id": 1}]},
               "ThingRequest": {"type": "object", "examples": [{"name": "x"}]},
               "ThingPage": {"type": "object"},
               "Problem": {"type": "object"}}}}
            """;

    private static final String INCOMPLETE = """
            {"paths": {
               "/things/{id}": {
                 "get": {"operationId": "getThing", "security": [{"bearer": []}],
                         "responses": {"200": {}, "400": {}, "500": {}}},
                 "put": {"operationId": "getThing", "summary": "Change a thing",
                         "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/ThingRequest"}}}},
                         "responses": {"204": {}, "400": {}, "404": {}, "500": {}, "422": {"description": "by hand"}}}},
               "/things": {
                 "post": {"operationId": "addThing", "summary": "Add a thing",
                          "requestBody": {"content": {"application/yaml": {}}},
                          "responses": {"201": {}, "400": {}, "500": {},
                                        "422": {"$ref": "#/components/responses/UnprocessableContent"}}}}},
             "components": {"schemas": {
               "Thing": {"type": "object"},
               "ThingRequest": {"type": "object"},
               "PageThingView": {"type": "object"}}}}
            """;

    @Test
    void aCompleteDocumentHasNoGaps() {
        JsonPath document = JsonPath.from(COMPLETE);
        assertEquals(List.of(), OpenApiDocumentRules.incompleteOperations(document));
        assertEquals(List.of(), OpenApiDocumentRules.successesWithoutBody(document));
        assertEquals(List.of(), OpenApiDocumentRules.stateChangingWithoutBusinessRuleProblem(document));
        assertEquals(List.of(), OpenApiDocumentRules.objectSchemasWithoutExample(document));
        assertEquals(List.of(), OpenApiDocumentRules.requestBodiesWithoutExample(document));
        assertEquals(List.of("uploadManual"), OpenApiDocumentRules.publicOperations(document));
    }

    @Test
    void everyGapIsNamed() {
        JsonPath document = JsonPath.from(INCOMPLETE);
        assertEquals(List.of(
                        "GET /things/{id} getThing [200, 400, 500]",
                        "PUT /things/{id} getThing [204, 400, 404, 500, 422]"),
                OpenApiDocumentRules.incompleteOperations(document));
        assertEquals(List.of("GET /things/{id} 200", "POST /things 201"), OpenApiDocumentRules.successesWithoutBody(document));
        assertEquals(List.of("PUT /things/{id} {description=by hand}"),
                OpenApiDocumentRules.stateChangingWithoutBusinessRuleProblem(document));
        assertEquals(List.of("PageThingView", "Thing", "ThingRequest"), OpenApiDocumentRules.objectSchemasWithoutExample(document));
        assertEquals(List.of("PUT /things/{id}", "POST /things"), OpenApiDocumentRules.requestBodiesWithoutExample(document));
    }
}
