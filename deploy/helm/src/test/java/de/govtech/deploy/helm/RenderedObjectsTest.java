package de.govtech.deploy.helm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rendered object is either a Kubernetes object that parses into fabric8's models or a known custom resource. */
class RenderedObjectsTest {

    private static final CrdSchemas CRDS = CrdSchemas.load(Chart.crds());

    @Test
    void defaultsParseWithoutUnknownFields() {
        assertClean(Chart.defaults());
    }

    @Test
    void demoValuesParseWithoutUnknownFields() {
        assertClean(Chart.render(Chart.DEMO));
    }

    @Test
    void externalInfrastructureParsesWithoutUnknownFields() {
        assertClean(Chart.withExternalInfrastructure());
    }

    @Test
    void everyObjectIsNamedAndLabelledAsPartOfThePlatform() {
        for (JsonNode object : Chart.defaults()) {
            JsonNode metadata = object.path("metadata");
            assertTrue(metadata.path("name").asText().startsWith(Chart.RELEASE + "-"), Chart.id(object));
            assertEquals("govtech-kommunal", metadata.path("labels").path("app.kubernetes.io/part-of").asText(),
                    Chart.id(object));
            assertTrue(metadata.path("namespace").isMissingNode(), Chart.id(object) + " leaves the namespace to Helm");
        }
    }

    private static void assertClean(List<JsonNode> objects) {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : objects) {
            List<String> violations = KubernetesModels.isModelled(object) ? KubernetesModels.violations(object)
                    : CRDS.knows(object) ? KubernetesModels.metadataViolations(object)
                    : List.of("neither a Kubernetes kind nor a custom resource of crds/");
            violations.forEach(v -> problems.add(Chart.id(object) + " " + v));
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }
}
