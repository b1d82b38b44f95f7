package de.govtech.marketplace;

import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.OpenApiDocumentRules;
import de.govtech.platform.testkit.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The marketplace-specific rules of the OpenAPI document (ids, summaries, errors, success bodies, the shared 422 and
 * valid examples are checked for every service by {@code PlatformWiringTest}): actions are verbs under the resource, and
 * no response schema or example carries the broker's credentials.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class OpenApiDocumentTest {

    private static JsonPath document() {
        return OpenApiDocumentRules.serviceDocument();
    }

    /** A response example may show the broker's URL, never its password (the property is write-only). */
    @Test
    void noResponseExampleCarriesAPassword() {
        Map<String, Map<String, Object>> schemas = document().getMap("components.schemas");
        List<String> leaking = schemas.entrySet().stream()
                .filter(schema -> !List.of("ListingBroker", "ListingRequest").contains(schema.getKey()))
                .filter(schema -> String.valueOf(schema.getValue().get("examples")).contains("password"))
                .map(Map.Entry::getKey).toList();
        assertEquals(List.of(), leaking);
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
}
