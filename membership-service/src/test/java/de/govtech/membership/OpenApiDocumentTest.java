package de.govtech.membership;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What membership's OpenAPI document promises beyond the platform contract (ids, summaries, errors and the 422 of
 * every operation, examples are checked by {@link PlatformWiringTest}): only the fee quote is public,
 * pages named after their items, money as decimal strings, deliberately named schemas.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "membership"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class OpenApiDocumentTest {

    private static JsonPath document() {
        return OpenApiDocumentRules.serviceDocument();
    }

    @Test
    void onlyTheFeeQuoteIsPublic() {
        assertEquals(List.of("quoteFee"), OpenApiDocumentRules.publicOperations(document()));
    }


    @Test
    void pageSchemasAreNamedAfterTheirItems() {
        Map<String, Object> schemas = document().getMap("components.schemas");
        assertEquals(List.of(), schemas.keySet().stream().filter(name -> name.startsWith("Page")).toList());
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

    /** The contract test checks 422 on every state-changing operation; the fee quote, a GET, refuses input too. */
    @Test
    void theFeeQuoteDocumentsTheBusinessRuleProblem() {
        assertEquals("#/components/responses/UnprocessableContent",
                document().getString("paths.'/api/v1/membership/fees/quote'.get.responses.'422'.$ref"));
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
