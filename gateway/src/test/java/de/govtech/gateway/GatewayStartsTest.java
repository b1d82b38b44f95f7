package de.govtech.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@io.quarkus.test.common.WithTestResource(de.govtech.gateway.support.UpstreamsResource.class)
class GatewayStartsTest {

    @Test
    void readinessIsUp() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void servesItsOwnOpenApiDocument() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("openapi", startsWith("3.1."))
                .body("info.title", equalTo("GovTech Kommunal — API Gateway"));
    }

    @Test
    void unknownPathIsANotFoundProblem() {
        given().auth().oauth2(de.govtech.gateway.support.Tokens.valid("someone")).when().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://govtech-kommunal.de/problems/not-found"));
    }
}
