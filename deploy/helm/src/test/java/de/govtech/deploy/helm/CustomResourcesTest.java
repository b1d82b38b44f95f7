package de.govtech.deploy.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.govtech.platform.infra.PlatformTopics;
import de.govtech.platform.infra.TopicSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operators' custom resources validate against the CRDs in crds/ and say what the platform needs. */
class CustomResourcesTest {

    private static final CrdSchemas CRDS = CrdSchemas.load(Chart.crds());

    @Test
    void everyCustomResourceValidatesAgainstItsCrd() {
        for (Map<String, Object> values : List.of(Map.<String, Object>of(), Chart.DEMO)) {
            List<String> problems = new ArrayList<>();
            for (JsonNode object : Chart.render(values)) {
                if (!KubernetesModels.isModelled(object)) {
                    CRDS.violations(object).forEach(v -> problems.add(Chart.id(object) + " " + v));
                }
            }
            assertTrue(problems.isEmpty(), () -> values + "\n" + String.join("\n", problems));
        }
    }

    @Test
    void kafkaTopicsAreThePlatformTopicsWithTheirPartitionsAndRetention() {
        List<ObjectNode> topics = Chart.ofKind(Chart.defaults(), "KafkaTopic");
        Set<TopicSpec> rendered = topics.stream().map(t -> {
            JsonNode spec = t.path("spec");
            long retentionMs = spec.path("config").path("retention.ms").asLong();
            return new TopicSpec(spec.path("topicName").asText(), spec.path("partitions").asInt(),
                    retentionMs == -1 ? null : java.time.Duration.ofMillis(retentionMs));
        }).collect(Collectors.toSet());
        assertEquals(Set.copyOf(PlatformTopics.all()), rendered);
        for (ObjectNode topic : topics) {
            assertEquals(Chart.RELEASE + "-kafka", topic.path("metadata").path("labels").path("strimzi.io/cluster").asText());
            assertEquals(3, topic.path("spec").path("replicas").asInt(), Chart.id(topic));
        }
    }

    @Test
    void kafkaRunsInKraftModeWithCombinedNodesAndTheTopicOperator() {
        List<JsonNode> objects = Chart.defaults();
        ObjectNode pool = Chart.named(objects, "KafkaNodePool", Chart.RELEASE + "-kafka-nodes");
        assertEquals(Set.of("controller", "broker"), Set.copyOf(Chart.YAML.convertValue(pool.path("spec").path("roles"),
                List.class)));
        assertEquals(Chart.RELEASE + "-kafka", pool.path("metadata").path("labels").path("strimzi.io/cluster").asText());
        ObjectNode kafka = Chart.named(objects, "Kafka", Chart.RELEASE + "-kafka");
        assertTrue(kafka.path("spec").path("entityOperator").has("topicOperator"));
        assertEquals(false, kafka.path("spec").path("kafka").path("config").path("auto.create.topics.enable").asBoolean(true));
        assertEquals(2, kafka.path("spec").path("kafka").path("config").path("min.insync.replicas").asInt());
    }

    @Test
    void everyServiceAndKeycloakGetsItsOwnPostgresCluster() {
        List<JsonNode> objects = Chart.defaults();
        for (String database : List.of("membership", "learning", "solutions", "marketplace", "keycloak")) {
            ObjectNode cluster = Chart.named(objects, "Cluster", Chart.RELEASE + "-" + database + "-db");
            assertEquals(database, cluster.path("spec").path("bootstrap").path("initdb").path("database").asText());
            assertEquals(database, cluster.path("spec").path("bootstrap").path("initdb").path("owner").asText());
            assertEquals(2, cluster.path("spec").path("instances").asInt());
        }
        ObjectNode keycloak = Chart.named(objects, "Keycloak", Chart.RELEASE + "-keycloak");
        JsonNode db = keycloak.path("spec").path("db");
        assertEquals(Chart.RELEASE + "-keycloak-db-rw", db.path("host").asText());
        assertEquals(Chart.RELEASE + "-keycloak-db-app", db.path("passwordSecret").path("name").asText());
    }
}
