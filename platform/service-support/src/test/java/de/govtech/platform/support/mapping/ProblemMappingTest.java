package de.govtech.platform.support.mapping;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import de.govtech.platform.support.logging.RequestIdFilter;
import de.govtech.platform.support.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

@QuarkusTest
class ProblemMappingTest {

    private static final String TYPES = "https://govtech-kommunal.de/problems/";

    @Test
    void unknownPathIsANotFoundProblem() {
        given().when().get("/nowhere/to/be/found")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(TYPES + "not-found"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/nowhere/to/be/found"));
    }

    @Test
    void domainProblemKeepsItsKindAndDetail() {
        given().when().get("/samples/42")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(TYPES + "not-found"))
                .body("title", equalTo("Resource not found"))
                .body("detail", equalTo("Sample 42 was not found"))
                .body("instance", equalTo("/samples/42"));
    }

    @Test
    void invalidBodyNamesEachFieldByItsJsonPath() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"address\":{\"street\":\"Markt 1\",\"postal_code\":\"123\"},"
                        + "\"branches\":[{\"street\":\"\",\"postal_code\":\"74072\"}]}")
                .when().post("/samples")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(TYPES + "validation-failed"))
                .body("errors.field", contains("address.postal_code", "branches[0].street", "name"))
                .body("errors.message", contains("must match \"\\d{5}\"", "must not be blank", "must not be blank"));
    }

    @Test
    void missingBodyIsAValidationProblemWithoutField() {
        given().contentType(ContentType.JSON).when().post("/samples")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(TYPES + "validation-failed"))
                .body("errors[0].field", nullValue())
                .body("errors[0].message", equalTo("must not be null"));
    }

    @Test
    void invalidQueryParameterIsNamedAsSent() {
        given().queryParam("page-size", 1000).when().get("/samples")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", contains("page-size"));
    }

    @Test
    void unknownEnumValueAndWrongTypeNameTheJsonPath() {
        given().contentType(ContentType.JSON).body("{\"name\":\"Tengen\",\"kind\":\"DORF\",\"address\":{}}")
                .when().post("/samples")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(TYPES + "validation-failed"))
                .body("errors.field", contains("kind"))
                .body("errors.message", contains("must be one of: GEMEINDE, STADT"));
        given().contentType(ContentType.JSON).body("{\"name\":\"Tengen\",\"population\":\"many\"}")
                .when().post("/samples")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", contains("population"))
                .body("errors.message", contains("must be an integer"));
    }

    @Test
    void malformedJsonIsAMalformedRequest() {
        given().contentType(ContentType.JSON).body("{\"name\": \"Tengen\",,")
                .when().post("/samples")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(TYPES + "malformed-request"))
                .body("detail", startsWith("The request body is not valid JSON"));
    }

    @Test
    void wrongMethodIsA405() {
        given().when().delete("/samples")
                .then().statusCode(405).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(TYPES + "method-not-allowed"));
    }

    @Test
    void unsupportedMediaTypeIsA415() {
        given().contentType(ContentType.TEXT).body("name=Tengen").when().post("/samples")
                .then().statusCode(415).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(TYPES + "unsupported-media-type"));
    }

    @Test
    void unexpectedErrorsLeakNothingButAnId() {
        given().when().get("/samples/boom")
                .then().statusCode(500).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(TYPES + "internal-error"))
                .body("instance", matchesPattern("urn:uuid:[0-9a-f-]{36}"))
                .body(not(containsString("hunter2")))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("at de.govtech")));
    }

    @Test
    void missingTokenIsA401ProblemWithBearerChallenge() {
        given().when().get("/samples/mine")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo(TYPES + "unauthorized"));
    }

    @Test
    void invalidTokenIsA401ProblemEvenOnPublicPaths() {
        for (String path : new String[] { "/samples/mine", "/samples/42" }) {
            given().auth().oauth2("not-a-jwt").when().get(path)
                    .then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("type", equalTo(TYPES + "unauthorized"))
                    .body("instance", equalTo(path));
        }
    }

    @Test
    void validTokenOfTheRealmIsAccepted() throws Exception {
        given().auth().oauth2(token(Set.of("municipality-admin"))).when().get("/samples/mine")
                .then().statusCode(200);
        given().auth().oauth2(token(Set.of("municipality-admin"))).when().get("/samples/admin")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(TYPES + "forbidden"));
    }

    @Test
    @TestSecurity(user = "vendor-user", roles = "vendor")
    void missingRoleIsA403Problem() {
        given().when().get("/samples/admin")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(TYPES + "forbidden"))
                .body("instance", equalTo("/samples/admin"));
    }

    @Test
    void requestIdIsEchoedOrCreated() {
        given().header(RequestIdFilter.HEADER, "gw-123").when().get("/samples")
                .then().statusCode(200).header(RequestIdFilter.HEADER, equalTo("gw-123"));
        given().when().get("/samples")
                .then().statusCode(200).header(RequestIdFilter.HEADER, not(emptyOrNullString()));
    }

    private static String token(Set<String> roles) throws Exception {
        return Jwt.issuer("http://localhost:8180/realms/govtech")
                .audience("govtech-services")
                .subject("staff-1")
                .claim("realm_access", java.util.Map.of("roles", roles))
                .groups(roles)
                .expiresIn(Duration.ofMinutes(5))
                .sign(KeyUtils.readPrivateKey("test-keys/private.pem"));
    }
}
