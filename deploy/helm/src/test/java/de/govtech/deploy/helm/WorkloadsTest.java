package de.govtech.deploy.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Deployments, Services, ConfigMaps and the Ingress of the services and the gateway. */
class WorkloadsTest {

    /** component → HTTP port, as each service's application.properties and the root README give them. */
    private static final Map<String, Integer> PORTS = Map.of(
            "membership-service", 8081, "learning-service", 8082, "solutions-service", 8083,
            "marketplace-service", 8084, "gateway", 8080);

    private static final Pattern SECRET_NAME = Pattern.compile("(?i)(.*_)?(PASSWORD|SECRET|TOKEN|PRIVATE_KEY|API_KEY)");

    @Test
    void everyServiceAndTheGatewayRunTwoReplicasByDefault() {
        PORTS.keySet().forEach(component -> assertEquals(2, deployment(Chart.defaults(), component)
                .path("spec").path("replicas").asInt(), component));
    }

    @Test
    void replicasAreAValuePerWorkload() {
        List<JsonNode> objects = Chart.render(Map.of("services.marketplace.replicas", 4, "gateway.replicas", 1));
        assertEquals(4, deployment(objects, "marketplace-service").path("spec").path("replicas").asInt());
        assertEquals(1, deployment(objects, "gateway").path("spec").path("replicas").asInt());
        assertEquals(2, deployment(objects, "membership-service").path("spec").path("replicas").asInt());
        assertTrue(Chart.ofKind(objects, "PodDisruptionBudget").stream()
                .noneMatch(pdb -> pdb.path("metadata").path("name").asText().equals("govtech-gateway")),
                "one replica gets no disruption budget (it could never be evicted)");
    }

    @Test
    void eachGatewayPodIsToldTheReplicaCountSoItsRateLimitsAddUpToTheConfiguredTotal() {
        List<JsonNode> objects = Chart.render(Map.of("gateway.replicas", 3));
        assertEquals(3, deployment(objects, "gateway").path("spec").path("replicas").asInt());
        assertEquals("3", configMap(objects, "gateway").path("data").path("GOVTECH_GATEWAY_REPLICAS").asText());
    }

    @Test
    void probesAskQuarkusHealthOnTheServicePort() {
        for (var entry : PORTS.entrySet()) {
            JsonNode container = container(Chart.defaults(), entry.getKey());
            assertEquals(entry.getValue(), container.path("ports").get(0).path("containerPort").asInt());
            assertEquals("http", container.path("ports").get(0).path("name").asText());
            assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText(), entry.getKey());
            assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText(), entry.getKey());
            assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText(), entry.getKey());
            assertEquals("http", container.at("/readinessProbe/httpGet/port").asText());
            assertEquals(String.valueOf(entry.getValue()), configMap(Chart.defaults(), entry.getKey()).path("data")
                    .path("QUARKUS_HTTP_PORT").asText());
        }
    }

    @Test
    void containersRunAsNonRootWithoutPrivilegesOnAReadOnlyRoot() {
        for (String component : PORTS.keySet()) {
            JsonNode pod = deployment(Chart.defaults(), component).at("/spec/template/spec");
            assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean(), component);
            assertTrue(pod.at("/securityContext/runAsUser").asInt() > 0, component);
            assertEquals("RuntimeDefault", pod.at("/securityContext/seccompProfile/type").asText());
            assertFalse(pod.path("automountServiceAccountToken").asBoolean(true), component);
            JsonNode container = pod.path("containers").get(0);
            assertFalse(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true), component);
            assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean(), component);
            assertEquals("ALL", container.at("/securityContext/capabilities/drop/0").asText(), component);
            assertEquals("/tmp", container.at("/volumeMounts/0/mountPath").asText(), "a writable /tmp for " + component);
        }
    }

    @Test
    void containersHaveRequestsAndAMemoryLimit() {
        for (String component : PORTS.keySet()) {
            JsonNode resources = container(Chart.defaults(), component).path("resources");
            assertFalse(resources.at("/requests/cpu").asText().isEmpty(), component);
            assertFalse(resources.at("/requests/memory").asText().isEmpty(), component);
            assertFalse(resources.at("/limits/memory").asText().isEmpty(), component);
        }
    }

    @Test
    void imagesComeFromTheRegistryRepositoryAndTagValues() {
        assertEquals("govtech/membership-service:0.1.0-SNAPSHOT",
                container(Chart.defaults(), "membership-service").path("image").asText());
        List<JsonNode> objects = Chart.render(Map.of("image.registry", "registry.example.org", "image.tag", "1.4.0",
                "services.learning.tag", "1.4.1"));
        assertEquals("registry.example.org/govtech/membership-service:1.4.0",
                container(objects, "membership-service").path("image").asText());
        assertEquals("registry.example.org/govtech/learning-service:1.4.1",
                container(objects, "learning-service").path("image").asText());
    }

    @Test
    void servicesGetTheirDatabaseKafkaAndRealmFromTheConfigMapAndCredentialsFromASecret() {
        for (String service : List.of("membership", "learning", "solutions", "marketplace")) {
            String component = service + "-service";
            JsonNode data = configMap(Chart.defaults(), component).path("data");
            assertEquals("jdbc:postgresql://govtech-" + service + "-db-rw:5432/" + service,
                    data.path("QUARKUS_DATASOURCE_JDBC_URL").asText());
            assertEquals("govtech-kafka-kafka-bootstrap:9092", data.path("KAFKA_BOOTSTRAP_SERVERS").asText());
            assertEquals("http://govtech-keycloak-service:8080/realms/govtech", data.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText());

            JsonNode container = container(Chart.defaults(), component);
            assertEquals("govtech-" + component + "-config", container.at("/envFrom/0/configMapRef/name").asText());
            for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                JsonNode ref = env(container, variable).at("/valueFrom/secretKeyRef");
                assertEquals("govtech-" + service + "-db-app", ref.path("name").asText(), "CloudNativePG's app secret");
            }
        }
    }

    @Test
    void theMarketplaceGetsItsBrokerPasswordKeyFromASecret() {
        JsonNode ref = env(container(Chart.defaults(), "marketplace-service"), "GOVTECH_MARKETPLACE_BROKERS_ENCRYPTION_KEY")
                .at("/valueFrom/secretKeyRef");
        assertEquals("govtech-marketplace-broker-key", ref.path("name").asText());
        assertEquals("key", ref.path("key").asText());
        assertFalse(configMap(Chart.defaults(), "marketplace-service").path("data").has("GOVTECH_MARKETPLACE_BROKERS_ENCRYPTION_KEY"));
    }

    @Test
    void externalInfrastructureIsReachedThroughTheGivenAddressesAndSecrets() {
        List<JsonNode> objects = Chart.withExternalInfrastructure();
        JsonNode data = configMap(objects, "solutions-service").path("data");
        assertEquals("jdbc:postgresql://db.internal:5432/solutions", data.path("QUARKUS_DATASOURCE_JDBC_URL").asText());
        assertEquals("kafka-0.internal:9092,kafka-1.internal:9092", data.path("KAFKA_BOOTSTRAP_SERVERS").asText());
        assertEquals("https://login.example.org/realms/govtech", data.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText());
        assertEquals("solutions-credentials", env(container(objects, "solutions-service"), "QUARKUS_DATASOURCE_PASSWORD")
                .at("/valueFrom/secretKeyRef/name").asText());
    }

    @Test
    void noSecretValueIsRenderedAndNoSecretLooksLikeConfiguration() {
        for (Map<String, Object> values : List.of(Map.<String, Object>of(), Chart.DEMO, Chart.EXTERNAL_INFRASTRUCTURE)) {
            List<JsonNode> objects = Chart.render(values);
            assertTrue(Chart.ofKind(objects, "Secret").isEmpty(), "the chart creates no Secret");
            for (ObjectNode configMap : Chart.ofKind(objects, "ConfigMap")) {
                configMap.path("data").fieldNames().forEachRemaining(key -> assertFalse(SECRET_NAME.matcher(key).matches(),
                        Chart.id(configMap) + " holds " + key));
            }
            for (ObjectNode deployment : Chart.ofKind(objects, "Deployment")) {
                for (JsonNode variable : deployment.at("/spec/template/spec/containers/0/env")) {
                    assertTrue(variable.path("value").isMissingNode(), Chart.id(deployment) + " sets "
                            + variable.path("name").asText() + " literally; env is for secret references only");
                }
            }
        }
    }

    @Test
    void theGatewayForwardsToEachServiceAndIsReachedThroughTheIngress() {
        List<JsonNode> objects = Chart.render(Chart.DEMO);
        JsonNode data = configMap(objects, "gateway").path("data");
        for (String service : List.of("membership", "learning", "solutions", "marketplace")) {
            String upstream = data.path("GATEWAY_UPSTREAM_" + service.toUpperCase()).asText();
            ObjectNode k8sService = Chart.named(objects, "Service", "govtech-" + service + "-service");
            assertEquals("http://govtech-" + service + "-service:" + k8sService.at("/spec/ports/0/port").asInt(), upstream);
        }
        assertEquals("https://auth.govtech-kommunal.example/realms/govtech", data.path("GATEWAY_PUBLIC_REALM_URL").asText());

        ObjectNode ingress = Chart.named(objects, "Ingress", "govtech-gateway");
        assertEquals("nginx", ingress.at("/spec/ingressClassName").asText());
        assertEquals("api.govtech-kommunal.example", ingress.at("/spec/rules/0/host").asText());
        assertEquals("api-tls", ingress.at("/spec/tls/0/secretName").asText());
        JsonNode backend = ingress.at("/spec/rules/0/http/paths/0/backend/service");
        assertEquals("govtech-gateway", backend.path("name").asText());
        assertEquals("http", backend.at("/port/name").asText());
        assertEquals("http", Chart.named(objects, "Service", "govtech-gateway").at("/spec/ports/0/name").asText());
    }

    @Test
    void selectorsMatchTheirPodsAndOnlyTheirPods() {
        List<JsonNode> objects = Chart.defaults();
        for (ObjectNode service : Chart.ofKind(objects, "Service")) {
            JsonNode selector = service.at("/spec/selector");
            List<ObjectNode> matching = Chart.ofKind(objects, "Deployment").stream().filter(d -> {
                JsonNode labels = d.at("/spec/template/metadata/labels");
                var fields = selector.fields();
                while (fields.hasNext()) {
                    var field = fields.next();
                    if (!field.getValue().asText().equals(labels.path(field.getKey()).asText())) {
                        return false;
                    }
                }
                return true;
            }).toList();
            assertEquals(1, matching.size(), Chart.id(service));
            assertEquals(service.at("/metadata/name").asText(), matching.get(0).at("/metadata/name").asText());
        }
    }

    @Test
    void learningMountsTheIssuerKeyOnlyWhenASecretIsNamed() {
        assertTrue(configMap(Chart.defaults(), "learning-service").at("/data/LEARNING_CREDENTIALS_SIGNING_KEY_LOCATION")
                .isMissingNode(), "without a secret the key is generated once and kept in the database");
        List<JsonNode> objects = Chart.render(Chart.DEMO);
        String location = configMap(objects, "learning-service").at("/data/LEARNING_CREDENTIALS_SIGNING_KEY_LOCATION").asText();
        JsonNode pod = deployment(objects, "learning-service").at("/spec/template/spec");
        JsonNode mount = pod.at("/containers/0/volumeMounts/1");
        assertEquals(location, mount.path("mountPath").asText() + "/issuer.pem");
        assertTrue(mount.path("readOnly").asBoolean());
        assertEquals("learning-issuer-key", pod.at("/volumes/1/secret/secretName").asText());
    }

    @Test
    void aConfigChangeRollsThePods() {
        String before = deployment(Chart.defaults(), "marketplace-service").at("/spec/template/metadata/annotations/checksum~1config").asText();
        String after = deployment(Chart.render(Map.of("services.marketplace.env.GOVTECH_MARKETPLACE_CLOUD_TARGETS", "stackit:eu01")),
                "marketplace-service").at("/spec/template/metadata/annotations/checksum~1config").asText();
        assertFalse(before.isEmpty());
        assertFalse(before.equals(after));
    }

    static ObjectNode deployment(List<JsonNode> objects, String component) {
        return Chart.named(objects, "Deployment", Chart.RELEASE + "-" + component);
    }

    static JsonNode container(List<JsonNode> objects, String component) {
        return deployment(objects, component).at("/spec/template/spec/containers/0");
    }

    static ObjectNode configMap(List<JsonNode> objects, String component) {
        return Chart.named(objects, "ConfigMap", Chart.RELEASE + "-" + component + "-config");
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (name.equals(variable.path("name").asText())) {
                return variable;
            }
        }
        throw new AssertionError("no env " + name);
    }
}
