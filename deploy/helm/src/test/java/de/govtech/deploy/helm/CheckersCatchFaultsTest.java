package de.govtech.deploy.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks the other tests rely on report what they promise to: each fault below must be found. */
class CheckersCatchFaultsTest {

    private static final CrdSchemas CRDS = CrdSchemas.load(Chart.crds());

    @Test
    void aMisspelledProbeFieldInADeploymentIsReportedWithItsPath() {
        ObjectNode deployment = Chart.named(Chart.defaults(), "Deployment", "govtech-gateway").deepCopy();
        ObjectNode probe = (ObjectNode) deployment.at("/spec/template/spec/containers/0/readinessProbe/httpGet");
        probe.put("pathh", "/q/health/ready");

        List<String> violations = KubernetesModels.violations(deployment);

        assertEquals(List.of(".spec.template.spec.containers[0].readinessProbe.httpGet.pathh is not a field of HTTPGetAction"),
                violations);
    }

    @Test
    void anUnknownTopLevelFieldAndAWrongTypeAreReported() {
        ObjectNode service = Chart.named(Chart.defaults(), "Service", "govtech-gateway").deepCopy();
        service.putObject("specs");
        assertFalse(KubernetesModels.violations(service).isEmpty());

        ObjectNode deployment = Chart.named(Chart.defaults(), "Deployment", "govtech-gateway").deepCopy();
        ((ObjectNode) deployment.get("spec")).put("replicas", "two");
        assertFalse(KubernetesModels.violations(deployment).isEmpty());
    }

    @Test
    void anUnknownKindIsReported() {
        ObjectNode object = Chart.JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Secrets");
        assertFalse(KubernetesModels.violations(object).isEmpty());
        assertFalse(CRDS.knows(object));
    }

    @Test
    void anUnknownFieldInACustomResourceIsReported() {
        ObjectNode topic = Chart.ofKind(Chart.defaults(), "KafkaTopic").get(0).deepCopy();
        ((ObjectNode) topic.get("spec")).put("partition", 3);

        List<String> violations = CRDS.violations(topic);

        assertEquals(1, violations.size(), violations::toString);
        assertTrue(violations.get(0).contains("partition"), violations::toString);
    }

    @Test
    void aWrongTypeAMissingRequiredFieldAndABadEnumInCustomResourcesAreReported() {
        ObjectNode pool = Chart.ofKind(Chart.defaults(), "KafkaNodePool").get(0).deepCopy();
        ((ObjectNode) pool.get("spec")).put("replicas", "three");
        assertFalse(CRDS.violations(pool).isEmpty());

        ObjectNode cluster = Chart.ofKind(Chart.defaults(), "Cluster").get(0).deepCopy();
        ((ObjectNode) cluster.get("spec")).remove("instances");
        assertFalse(CRDS.violations(cluster).isEmpty());

        ObjectNode kafka = Chart.ofKind(Chart.defaults(), "Kafka").get(0).deepCopy();
        ((ObjectNode) kafka.at("/spec/kafka/listeners/0")).put("type", "internall");
        assertFalse(CRDS.violations(kafka).isEmpty());
    }

    @Test
    void anUnknownFieldDeepInTheRealmIsReported() {
        ObjectNode realmImport = Chart.ofKind(Chart.defaults(), "KeycloakRealmImport").get(0).deepCopy();
        ((ObjectNode) realmImport.at("/spec/realm/clients/0")).put("clientSecret", "x");

        List<String> violations = CRDS.violations(realmImport);

        assertEquals(1, violations.size(), violations::toString);
        assertTrue(violations.get(0).contains("clientSecret"), violations::toString);
    }

    @Test
    void aCustomResourceOfAVersionNoCrdServesIsReported() {
        JsonNode topic = Chart.ofKind(Chart.defaults(), "KafkaTopic").get(0).deepCopy();
        ((ObjectNode) topic).put("apiVersion", "kafka.strimzi.io/v1beta1");
        assertFalse(CRDS.knows(topic));
        assertFalse(CRDS.violations(topic).isEmpty());
    }
}
