package de.govtech.deploy.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The chart govtech-kommunal, rendered offline by Helm (helm-java: Helm's Go code as a native library). */
final class Chart {

    static final String RELEASE = "govtech";
    static final ObjectMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();

    private Chart() {
    }

    static Path directory() {
        return Path.of(System.getProperty("govtech.helm.chart", "govtech-kommunal")).toAbsolutePath();
    }

    static Path crds() {
        return Path.of(System.getProperty("govtech.helm.crds", "crds")).toAbsolutePath();
    }

    private static final Map<Map<String, Object>, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    /** The chart rendered with its defaults plus the given --set values (rendered once per set of values). */
    static List<JsonNode> render(Map<String, Object> values) {
        return RENDERED.computeIfAbsent(Map.copyOf(values), v -> List.copyOf(render(directory(), v)));
    }

    /** The chart with its defaults: the platform with PostgreSQL, Kafka and Keycloak from their operators. */
    static List<JsonNode> defaults() {
        return render(Map.of());
    }

    /** The chart using infrastructure that exists outside it. */
    static List<JsonNode> withExternalInfrastructure() {
        return render(EXTERNAL_INFRASTRUCTURE);
    }

    static final Map<String, Object> EXTERNAL_INFRASTRUCTURE = Map.of(
            "postgres.enabled", false,
            "postgres.externalJdbcUrl", "jdbc:postgresql://db.internal:5432/%s",
            "postgres.externalSecret", "%s-credentials",
            "kafka.enabled", false,
            "kafka.externalBootstrapServers", "kafka-0.internal:9092,kafka-1.internal:9092",
            "keycloak.enabled", false,
            "keycloak.externalRealmUrl", "https://login.example.org/realms/govtech");

    /** Demo: dev users imported, a TLS secret and an ingress class named. */
    static final Map<String, Object> DEMO = Map.of(
            "keycloak.realmImport.devUsers", true,
            "gateway.ingress.className", "nginx",
            "gateway.ingress.tlsSecretName", "api-tls",
            "services.learning.signingKeySecret", "learning-issuer-key",
            "keycloak.bootstrapAdminSecret", "keycloak-admin");

    static List<JsonNode> render(Path chart, Map<String, Object> values) {
        return documents(renderText(chart, values));
    }

    static String renderText(Path chart, Map<String, Object> values) {
        TemplateCommand template = new Helm(chart).template().withName(RELEASE).withNamespace("govtech");
        values.forEach(template::set);
        return template.call();
    }

    /** The objects of a multi-document YAML text (empty documents left out). */
    static List<JsonNode> documents(String yaml) {
        List<JsonNode> objects = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var iterator = YAML.readValues(parser, JsonNode.class);
            while (iterator.hasNext()) {
                JsonNode node = iterator.next();
                if (node != null && node.isObject() && !node.isEmpty()) {
                    objects.add(node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The rendered chart is not YAML", e);
        }
        return objects;
    }

    static List<ObjectNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).map(ObjectNode.class::cast).toList();
    }

    static ObjectNode named(List<JsonNode> objects, String kind, String name) {
        return ofKind(objects, kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " rendered"));
    }

    static String id(JsonNode object) {
        return object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
    }

    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
