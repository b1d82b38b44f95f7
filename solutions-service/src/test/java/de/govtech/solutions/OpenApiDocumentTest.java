package de.govtech.solutions;

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
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What solutions' OpenAPI document promises beyond the platform contract (ids, summaries, errors, success bodies and
 * the 422 of every operation are checked by {@link PlatformWiringTest}): nothing is public, state changes document a
 * conflict, every schema has a deliberate name, and publiccode.yml is taken as YAML.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "solutions"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class OpenApiDocumentTest {

    private static JsonPath document() {
        return OpenApiDocumentRules.serviceDocument();
    }

    /** Beyond the platform contract's 4xx: a state change can conflict with a concurrent one. */
    @Test
    void everyStateChangingOperationDocumentsAConflict() {
        assertEquals(List.of(), OpenApiDocumentRules.operations(document()).stream()
                .filter(operation -> operation.stateChanging() && !operation.responses().containsKey("409"))
                .map(OpenApiDocumentRules.Operation::name).toList());
    }

    @Test
    void nothingIsPublic() {
        assertEquals(List.of(), OpenApiDocumentRules.publicOperations(document()));
    }

    @Test
    void everySchemaHasADeliberateName() {
        Map<String, Map<String, Object>> schemas = document().getMap("components.schemas");
        List<String> generic = schemas.keySet().stream()
                .filter(name -> name.startsWith("Page") || Set.of("Method", "Entry", "View").contains(name))
                .sorted().toList();
        assertEquals(List.of(), generic, "schemas named by the generator instead of by us");
        assertTrue(schemas.keySet().containsAll(List.of("Solution", "SolutionPage", "SelectionRound", "SelectionRoundPage",
                "SelectionRoundResults", "Ballot", "CastBallot", "ReuseCatalogueEntry", "ReuseCataloguePage", "ReuseRequest",
                "ReuseAgreement", "CostSplitMethod", "PublicCodeImport")), schemas.keySet().toString());
    }

    @Test
    void publiccodeTakesYaml() {
        Map<String, Object> yamlBody = document().getMap("paths.'/api/v1/solutions/solutions/{id}/publiccode'.put.requestBody.content");
        assertTrue(yamlBody.keySet().containsAll(List.of("application/yaml", "text/yaml")), yamlBody.keySet().toString());
    }
}
