package de.govtech.platform.support.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProblemOpenApiFilterTest {

    @Test
    void documentIsOpenApi31WithTheBearerSchemeAndTheProblemSchema() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("openapi", startsWith("3.1"))
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.schemas.Problem.properties", hasKey("type"))
                .body("components.schemas.Problem.properties.errors.items.$ref", equalTo("#/components/schemas/ProblemFieldError"))
                .body("components.responses.NotFound.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"));
    }

    @Test
    void operationsDocumentTheErrorsThatApplyToThem() {
        var paths = "paths.'/samples/{id}'.get.responses";
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body(paths + ".'404'.$ref", equalTo("#/components/responses/NotFound"))
                .body(paths + ".'400'.$ref", equalTo("#/components/responses/BadRequest"))
                .body(paths + ".'500'.$ref", equalTo("#/components/responses/InternalError"))
                .body(paths, not(hasKey("409")))
                .body(paths, not(hasKey("401")))
                .body("paths.'/samples'.post.responses.'409'.$ref", equalTo("#/components/responses/Conflict"))
                .body("paths.'/samples'.post.responses", not(hasKey("404")))
                .body("paths.'/samples/admin'.get.responses.'401'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/samples/admin'.get.responses.'403'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"));
    }

    @Test
    void stateChangingOperationsDocumentTheBusinessRuleProblem() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/samples'.post.responses.'422'.$ref", equalTo("#/components/responses/UnprocessableContent"))
                .body("components.responses.UnprocessableContent.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/samples/{id}'.get.responses", not(hasKey("422")));
    }

    @Test
    void genericPagesAreNamedAfterTheirItems() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("components.schemas", hasKey("SamplePage"))
                .body("components.schemas", not(hasKey("PageSampleView")))
                .body("components.schemas", not(hasKey("Page")))
                .body("components.schemas.SamplePage.properties.items.items.$ref", equalTo("#/components/schemas/SampleView"))
                .body("paths.'/samples/paged'.get.responses.'200'.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/SamplePage"));
    }

    @Test
    void theFieldErrorExampleKeepsItsOrderFromBuildToBuild() throws Exception {
        String document = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();

        // "errors" also names the Problem schema's property (an object); the examples' are arrays
        List<JsonNode> fieldErrors = new ObjectMapper().readTree(document).findValues("errors").stream()
                .filter(JsonNode::isArray).toList();
        assertFalse(fieldErrors.isEmpty(), "no field-error example in the document");
        for (JsonNode errors : fieldErrors) {
            List<String> names = new ArrayList<>();
            errors.get(0).fieldNames().forEachRemaining(names::add);
            assertEquals(List.of("field", "message"), names, errors.toString());
        }
    }
}
