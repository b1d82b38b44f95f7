package de.govtech.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import de.govtech.gateway.support.Tokens;
import de.govtech.gateway.support.UpstreamsResource;
import de.govtech.platform.openapi.OpenApiValidation;
import de.govtech.platform.testkit.TestClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The merged OpenAPI document at the gateway, built from the (fake) services' live documents, and Swagger UI
 * showing it and signing in with the public client.
 */
@QuarkusTest
@WithTestResource(UpstreamsResource.class)
class ApiDocsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL gateway;

    @ConfigProperty(name = "test.upstream.membership")
    String membershipUpstream;

    private JsonNode merged() throws Exception {
        String body = given().when().get("/api/v1/openapi")
                .then().statusCode(200).contentType("application/json").extract().asString();
        return JSON.readTree(body);
    }

    @Test
    void theMergedDocumentIsPublicAndValidOpenApi31() throws Exception {
        JsonNode document = merged();
        assertEquals(List.of(), OpenApiValidation.violations(document));
        assertEquals("3.1.0", document.path("openapi").asText());
    }

    @Test
    void itHasEveryServicesPathsAsSeenThroughTheGateway() throws Exception {
        JsonNode document = merged();
        List<String> paths = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        assertTrue(paths.containsAll(List.of("/api/v1/membership/memberships", "/api/v1/membership/fees/quote",
                "/api/v1/marketplace/catalogue", "/api/v1/marketplace/subscriptions",
                "/api/v1/learning/verifications/{verificationCode}", "/api/v1/learning/courses", "/api/v1/solutions/solutions")),
                paths::toString);
        assertTrue(paths.stream().noneMatch(path -> path.startsWith("/q/")), paths::toString);
        String self = gateway.toString().replaceAll("/$", "");
        assertEquals(self, document.path("servers").path(0).path("url").asText());
        assertEquals(1, document.path("servers").size());
    }

    @Test
    void schemasOfOneNameFromSeveralServicesAreRenamedAndIdenticalOnesKeptOnce() throws Exception {
        JsonNode schemas = merged().path("components").path("schemas");
        assertTrue(schemas.has("Problem"));
        assertFalse(schemas.has("ContactView"));
        assertTrue(schemas.has("LearningContactView"));
        assertTrue(schemas.has("MarketplaceContactView"));
        assertTrue(schemas.has("MembershipContactView"));
    }

    @Test
    void oneKeycloakSchemeSecuresTheDocumentAndPublicOperationsStayPublic() throws Exception {
        JsonNode document = merged();
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertEquals(1, schemes.size());
        JsonNode flow = schemes.path("keycloak").path("flows").path("authorizationCode");
        assertEquals("http://localhost:8180/realms/govtech/protocol/openid-connect/auth", flow.path("authorizationUrl").asText());
        assertEquals("http://localhost:8180/realms/govtech/protocol/openid-connect/token", flow.path("tokenUrl").asText());

        JsonNode paths = document.path("paths");
        assertEquals("[]", paths.path("/api/v1/marketplace/catalogue").path("get").path("security").toString());
        assertEquals("[]", paths.path("/api/v1/membership/fees/quote").path("get").path("security").toString());
        assertEquals("[]", paths.path("/api/v1/learning/verifications/{verificationCode}").path("get").path("security").toString());
        assertEquals("[{\"keycloak\":[]}]", paths.path("/api/v1/membership/memberships").path("post").path("security").toString());
        assertEquals("[\"municipality-staff\"]", paths.path("/api/v1/learning/courses").path("get").path("x-roles").toString());
    }

    @Test
    void aServiceThatIsDownIsLeftOutNotFatal() throws Exception {
        JsonNode document = merged();
        assertEquals("[\"offline\"]", document.path("info").path("x-unavailable-services").toString());
    }

    @Test
    void theDocumentIsCachedNotFetchedForEveryCaller() throws Exception {
        merged();
        int before = openApiRequests();
        merged();
        merged();
        assertEquals(before, openApiRequests());
        assertTrue(before >= 1);
    }

    /** The cache runs on the service's clock (the one Clock bean), so a test can let its time to live pass. */
    @Test
    void theDocumentIsFetchedAgainOnceItsTimeToLiveHasPassed() throws Exception {
        merged();
        int before = openApiRequests();
        TestClock.at(Instant.now().plus(Duration.ofMinutes(5)));
        merged();
        assertEquals(before + 1, openApiRequests());
    }

    @Test
    void yamlAndJsonFileNamesServeTheSameDocument() throws Exception {
        JsonNode json = merged();
        String yaml = given().when().get("/api/v1/openapi.yaml").then().statusCode(200)
                .contentType(containsString("yaml")).extract().asString();
        assertEquals(json, new YAMLMapper().readTree(yaml));
        assertEquals(json, JSON.readTree(given().when().get("/api/v1/openapi.json").then().statusCode(200).extract().asString()));
    }

    @Test
    void aTokenIsNotNeededButABadOneIsRefused() {
        given().auth().oauth2(Tokens.valid("alice")).when().get("/api/v1/openapi").then().statusCode(200);
        given().auth().oauth2(Tokens.forged("mallory")).when().get("/api/v1/openapi").then().statusCode(401);
    }

    @Test
    void swaggerUiShowsThePlatformDocumentAndSignsInWithThePublicClient() {
        String page = given().when().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        assertTrue(page.contains("/api/v1/openapi"), "Swagger UI loads the merged document");
        assertTrue(page.contains("govtech-cli"), "Swagger UI signs in with the public client");
        assertTrue(page.contains("usePkceWithAuthorizationCodeGrant: true"), page);
        given().when().get("/q/swagger-ui/oauth2-redirect.html").then().statusCode(200);
    }

    private int openApiRequests() {
        return given().baseUri(membershipUpstream).when().get("/__stats").then().statusCode(200)
                .extract().path("openApiRequests");
    }
}
