package de.govtech.membership;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI document is complete enough to generate clients from: ids, summaries, errors, security, examples. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "membership"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class OpenApiDocumentTest {

    private static JsonPath document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    private static List<Map.Entry<String, Map<String, Object>>> operations(JsonPath doc) {
        List<Map.Entry<String, Map<String, Object>>> operations = new ArrayList<>();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                operations.add(Map.entry(operation.getKey().toUpperCase() + " " + path.getKey(),
                        (Map<String, Object>) operation.getValue()));
            }
        }
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static boolean secured(Map<String, Object> operation) {
        List<Map<String, Object>> security = (List<Map<String, Object>>) operation.get("security");
        return security != null && security.stream().anyMatch(requirement -> requirement.containsKey("bearer"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasAnOperationIdASummaryAndDocumentedErrors() {
        List<String> missing = new ArrayList<>();
        var operations = operations(document());
        for (var entry : operations) {
            Map<String, Object> op = entry.getValue();
            Map<String, Object> responses = (Map<String, Object>) op.get("responses");
            List<String> needed = new ArrayList<>(List.of("400", "500"));
            if (secured(op)) {
                needed.addAll(List.of("401", "403"));
            }
            if (entry.getKey().contains("{")) {
                needed.add("404");
            }
            boolean success = responses.keySet().stream().anyMatch(status -> status.startsWith("2"));
            if (op.get("operationId") == null || op.get("summary") == null || !success
                    || !responses.keySet().containsAll(needed)) {
                missing.add(entry.getKey() + " " + op.get("operationId") + " " + responses.keySet());
            }
        }
        assertTrue(operations.size() >= 24, "operations: " + operations.size());
        assertEquals(List.of(), missing);
    }

    /** A generated client only accepts JSON for a success it knows has a body (else it asks for problem+json only). */
    @Test
    @SuppressWarnings("unchecked")
    void everySuccessThatAnswersABodyDocumentsIt() {
        List<String> undocumented = new ArrayList<>();
        for (var entry : operations(document())) {
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) entry.getValue().get("responses");
            responses.forEach((status, response) -> {
                if (status.startsWith("2") && !status.equals("204") && response.get("content") == null) {
                    undocumented.add(entry.getKey() + " " + status);
                }
            });
        }
        assertEquals(List.of(), undocumented);
    }

    @Test
    void onlyTheFeeQuoteIsPublic() {
        List<String> publicOperations = operations(document()).stream().filter(entry -> !secured(entry.getValue()))
                .map(entry -> (String) entry.getValue().get("operationId")).toList();
        assertEquals(List.of("quoteFee"), publicOperations);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyObjectSchemaAndRequestBodyHasAnExample() {
        JsonPath doc = document();
        Map<String, Map<String, Object>> schemas = doc.getMap("components.schemas");
        List<String> withoutExample = schemas.entrySet().stream()
                .filter(s -> "object".equals(s.getValue().get("type")))
                .filter(s -> !s.getKey().endsWith("Page") && !s.getKey().equals("Page") && !s.getKey().startsWith("Problem"))
                .filter(s -> s.getValue().get("examples") == null && s.getValue().get("example") == null)
                .map(Map.Entry::getKey).sorted().toList();
        assertEquals(List.of(), withoutExample);

        List<String> bodiesWithoutExample = new ArrayList<>();
        for (var entry : operations(doc)) {
            Map<String, Object> body = (Map<String, Object>) entry.getValue().get("requestBody");
            if (body == null) {
                continue;
            }
            Map<String, Object> json = ((Map<String, Map<String, Object>>) body.get("content")).get("application/json");
            Map<String, Object> schema = json == null ? null : (Map<String, Object>) json.get("schema");
            String ref = schema == null ? null : (String) schema.get("$ref");
            Map<String, Object> target = ref == null ? schema : schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            if (target == null || target.get("examples") == null) {
                bodiesWithoutExample.add(entry.getKey());
            }
        }
        assertEquals(List.of(), bodiesWithoutExample);
    }

    @Test
    void pageSchemasAreNamedAfterTheirItems() {
        Map<String, Object> schemas = document().getMap("components.schemas");
        assertEquals(List.of(), schemas.keySet().stream().filter(name -> name.startsWith("Page") && !name.equals("Page")).toList());
        assertTrue(schemas.keySet().containsAll(List.of("MunicipalityPage", "MunicipalityChangeRequestPage", "PopulationFigurePage")),
                schemas.keySet().toString());
    }

    @Test
    void moneyIsADecimalStringInEveryFeeSchema() {
        JsonPath doc = document();
        assertEquals("string", doc.getString("components.schemas.FeeQuote.properties.annualFee.type"));
        assertEquals("decimal", doc.getString("components.schemas.FeeQuote.properties.annualFee.format"));
        assertEquals("string", doc.getString("components.schemas.FeeInvoice.properties.amount.type"));
        assertEquals("string", doc.getString("components.schemas.FeeBand.properties.annualFee.type"));
        assertEquals("string", doc.getString("components.schemas.FeeBandRequest.properties.annualFee.type"));
    }

    /** No resource writes 422 by hand: platform-service-support's filter documents it on every state-changing operation. */
    @Test
    @SuppressWarnings("unchecked")
    void everyStateChangingOperationAndTheFeeQuoteDocumentTheBusinessRuleProblem() {
        List<String> without = new ArrayList<>();
        var refusable = operations(document()).stream()
                .filter(entry -> !entry.getKey().startsWith("GET") || "quoteFee".equals(entry.getValue().get("operationId")))
                .toList();
        for (var entry : refusable) {
            Object unprocessable = ((Map<String, Object>) entry.getValue().get("responses")).get("422");
            if (!(unprocessable instanceof Map<?, ?> response)
                    || !"#/components/responses/UnprocessableContent".equals(response.get("$ref"))) {
                without.add(entry.getKey() + " " + unprocessable);
            }
        }
        assertTrue(refusable.size() >= 15, "operations: " + refusable.size());
        assertEquals(List.of(), without);
    }

    @Test
    void municipalitySchemasHavePublicNames() {
        Map<String, Object> schemas = document().getMap("components.schemas");
        assertTrue(schemas.keySet().containsAll(List.of("Municipality", "MunicipalityContact", "MunicipalityContactRequest",
                "EndedMemberships", "FeeAssessmentSkipReason")), schemas.keySet().toString());
    }

    /** The shared enum of platform-events is named and described by its own @Schema, like the service's enums. */
    @Test
    void municipalityTypeIsADeliberatelyNamedAndDescribedEnum() {
        var doc = document();
        assertEquals(List.of("GEMEINDE", "STADT", "KREISFREIE_STADT", "LANDKREIS", "AMT_VERBANDSGEMEINDE"),
                doc.getList("components.schemas.MunicipalityType.enum"));
        assertTrue(doc.getString("components.schemas.MunicipalityType.description").startsWith("Kind of local authority"),
                doc.getString("components.schemas.MunicipalityType.description"));
    }
}
