package de.govtech.platform.support.output;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The library's {@code quarkus.jackson.serialization-inclusion=non_null} reaches a service from the jar's config file:
 * a property without a value is absent from the response, not {@code null} (no schema declares anything nullable).
 */
@QuarkusTest
class NullFreeResponsesTest {

    @Test
    void aPropertyWithoutAValueIsLeftOut() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"Tengen\",\"population\":4700,\"address\":{\"street\":\"Marktstraße 1\"}}")
                .when().post("/samples")
                .then().statusCode(200)
                .body("name", equalTo("Tengen"))
                .body("$", not(hasKey("kind")))
                .body("$", not(hasKey("branches")))
                .body("address", not(hasKey("postal_code")));
    }
}
