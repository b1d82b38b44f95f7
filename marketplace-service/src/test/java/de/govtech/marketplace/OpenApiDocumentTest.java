package de.govtech.marketplace;

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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI document is complete enough to generate clients from, and its response schemas carry no secrets. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class OpenApiDocumentTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasAnOperationIdASummaryAndDocumentedErrors() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                Map<String, Object> op = (Map<String, Object>) operation.getValue();
                operations++;
                Map<String, Object> responses = (Map<String, Object>) op.get("responses");
                if (op.get("operationId") == null || op.get("summary") == null || !responses.containsKey("400")) {
                    missing.add(operation.getKey() + " " + path.getKey());
                }
            }
        }
        assertTrue(operations >= 16, "operations: " + operations);
        assertEquals(List.of(), missing);
    }

    @Test
    void actionsAreVerbsUnderTheResourceWithTheirOperationIdsKept() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, String> actions = Map.of(
                "/api/v1/marketplace/vendors/{vendorId}/verify", "verifyVendor",
                "/api/v1/marketplace/listings/{listingId}/submit", "submitListing",
                "/api/v1/marketplace/listings/{listingId}/publish", "publishListing",
                "/api/v1/marketplace/listings/{listingId}/reject", "rejectListing",
                "/api/v1/marketplace/listings/{listingId}/delist", "delistListing");
        Map<String, Object> paths = doc.getMap("paths");
        actions.forEach((path, operationId) -> assertEquals(operationId,
                doc.getString("paths['" + path + "'].post.operationId"), path));
        for (String noun : List.of("verification", "submission", "publication", "rejection", "delisting")) {
            assertTrue(paths.keySet().stream().noneMatch(p -> p.endsWith("/" + noun)), noun);
        }
    }

    @Test
    void theBrokerIsWriteOnlyAndNoResponseSchemaCarriesIt() {
        String listing = given().queryParam("format", "json").get("/q/openapi").then().extract().jsonPath()
                .getMap("components.schemas.Listing").toString();
        String revision = given().queryParam("format", "json").get("/q/openapi").then().extract().jsonPath()
                .getMap("components.schemas.ListingRevision").toString();
        assertFalse(listing.contains("password") || listing.contains("ListingBroker"), listing);
        assertFalse(revision.contains("password") || revision.contains("ListingBroker"), revision);
    }

    /** No resource writes 422 by hand: platform-service-support's filter documents it on every state-changing operation. */
    @Test
    @SuppressWarnings("unchecked")
    void everyStateChangingOperationDocumentsTheBusinessRuleProblem() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<String> without = new ArrayList<>();
        int stateChanging = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                if (!List.of("post", "put", "patch", "delete").contains(operation.getKey())) {
                    continue;
                }
                stateChanging++;
                Object unprocessable = ((Map<String, Object>) ((Map<String, Object>) operation.getValue()).get("responses")).get("422");
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
