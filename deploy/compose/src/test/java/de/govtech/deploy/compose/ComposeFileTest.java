package de.govtech.deploy.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import de.govtech.platform.infra.PlatformTopics;
import de.govtech.platform.infra.TopicSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** compose.yaml, checked offline: the Compose Specification, then its consistency with the rest of the repository. */
class ComposeFileTest {

    /** The applications built from this repository (image name = artifactId) and their ports inside and out. */
    private static final List<String> APPLICATIONS =
            List.of("membership-service", "learning-service", "solutions-service", "marketplace-service", "gateway");
    /** compose service → the "what" of the root README's port table. */
    private static final Map<String, String> README_ROWS = Map.of(
            "gateway", "gateway", "membership-service", "membership-service", "learning-service", "learning-service",
            "solutions-service", "solutions-service", "marketplace-service", "marketplace-service",
            "sample-broker", "sample broker", "keycloak", "Keycloak", "postgres", "PostgreSQL", "kafka", "Kafka");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|_KEY)$");
    private static final Pattern DEFAULTED_SECRET = Pattern.compile("\\$\\{[A-Z_]*(PASSWORD|SECRET|_KEY)[A-Z_]*:-");

    private static Schema specification;
    private static JsonNode compose;

    @BeforeAll
    static void load() {
        specification = ComposeFile.specification();
        compose = ComposeFile.compose();
    }

    @Test
    void composeYamlFollowsTheComposeSpecification() {
        assertEquals(List.of(), ComposeFile.violations(specification, compose));
    }

    @Test
    void anUnknownOrMisspelledKeyIsRefused() {
        ObjectNode misspelled = compose.deepCopy();
        ((ObjectNode) misspelled.path("services").path("gateway")).put("healthchek", "typo");
        List<String> violations = ComposeFile.violations(specification, misspelled);
        assertFalse(violations.isEmpty(), "a service with an unknown key passed");
        assertTrue(violations.stream().anyMatch(v -> v.contains("healthchek")), violations.toString());

        ObjectNode unknownTopLevel = compose.deepCopy();
        unknownTopLevel.putObject("servics");
        assertTrue(ComposeFile.violations(specification, unknownTopLevel).stream().anyMatch(v -> v.contains("servics")));

        ObjectNode wrongCondition = compose.deepCopy();
        ((ObjectNode) wrongCondition.path("services").path("gateway").path("depends_on").path("keycloak"))
                .put("condition", "service_ready");
        assertFalse(ComposeFile.violations(specification, wrongCondition).isEmpty(), "an unknown condition passed");
    }

    @Test
    void everyServiceHasAHealthCheck() {
        services().forEach((name, service) -> {
            JsonNode health = service.path("healthcheck");
            assertTrue(health.path("test").isArray() && !health.path("test").isEmpty(), name + " has no healthcheck test");
            assertFalse(health.path("disable").asBoolean(false), name + " disables its healthcheck");
            assertFalse("NONE".equals(health.path("test").path(0).asText()), name + " disables its healthcheck");
            assertTrue(health.has("interval") && health.has("retries") && health.has("start_period"),
                    name + ": interval, retries and start_period set");
        });
    }

    @Test
    void everyDependencyWaitsForTheOtherServiceToBeHealthy() {
        Map<String, JsonNode> services = services();
        services.forEach((name, service) -> {
            JsonNode dependsOn = service.path("depends_on");
            if (dependsOn.isMissingNode()) {
                return;
            }
            assertTrue(dependsOn.isObject(), name + ": depends_on as a list waits only for the start");
            dependsOn.fields().forEachRemaining(dependency -> {
                assertEquals("service_healthy", dependency.getValue().path("condition").asText(),
                        name + " → " + dependency.getKey());
                JsonNode target = services.get(dependency.getKey());
                assertTrue(target != null, name + " depends on an unknown service " + dependency.getKey());
                assertTrue(target.path("profiles").isMissingNode() || !service.path("profiles").isMissingNode(),
                        name + " (always started) depends on " + dependency.getKey() + ", which only a profile starts");
            });
        });
        // the start order: infrastructure, then the services, then the gateway
        for (String app : APPLICATIONS.subList(0, 4)) {
            assertEquals(Set.of("postgres", "kafka", "keycloak"), names(services.get(app).path("depends_on")), app);
        }
        assertEquals(new TreeSet<>(List.of("keycloak", "membership-service", "learning-service", "solutions-service",
                "marketplace-service")), new TreeSet<>(names(services.get("gateway").path("depends_on"))));
        assertEquals(Set.of("postgres"), names(services.get("keycloak").path("depends_on")));
    }

    @Test
    void noSecretIsWrittenIntoTheFileExceptTheMarkedDevDefaults() {
        services().forEach((name, service) -> service.path("environment").fields().forEachRemaining(env -> {
            if (SECRET_NAME.matcher(env.getKey()).matches()) {
                assertTrue(env.getValue().asText().startsWith("${"), name + ": " + env.getKey() + " is written into the file");
            }
        }));
        JsonNode broker = services().get("sample-broker").path("command");
        for (int i = 0; i < broker.size() - 1; i++) {
            if (broker.get(i).asText().equals("--password")) {
                assertTrue(broker.get(i + 1).asText().startsWith("${"), "the sample broker's password is written into the file");
            }
        }
        List<String> unmarked = new ArrayList<>();
        ComposeFile.text(ComposeFile.dir().resolve("compose.yaml")).lines()
                .filter(line -> DEFAULTED_SECRET.matcher(line).find() && !line.endsWith("# dev default"))
                .forEach(unmarked::add);
        assertEquals(List.of(), unmarked, "a default of a secret without the comment '# dev default'");
        JsonNode key = services().get("marketplace-service").path("environment").path("GOVTECH_MARKETPLACE_BROKERS_ENCRYPTION_KEY");
        assertTrue(key.asText().matches("\\$\\{[A-Z_]+:\\?.+}"), "the broker-password key must be given, never defaulted: " + key);
    }

    @Test
    void publishedPortsAreThoseOfTheRootReadme() {
        Map<String, List<Integer>> readme = readmePorts();
        Map<String, Set<Integer>> published = new TreeMap<>();
        services().forEach((name, service) -> {
            Set<Integer> ports = new LinkedHashSet<>();
            service.path("ports").forEach(port -> ports.add(Integer.parseInt(port.asText().split(":")[0])));
            published.put(name, ports);
        });
        assertEquals(new TreeSet<>(README_ROWS.keySet()), published.keySet(), "services of compose.yaml");
        published.forEach((name, ports) -> {
            List<Integer> expected = readme.get(README_ROWS.get(name));
            assertTrue(expected != null, "no row '" + README_ROWS.get(name) + "' in the README's port table");
            assertTrue(ports.contains(expected.get(0)), name + " publishes " + ports + ", the README says " + expected);
            assertTrue(expected.containsAll(ports), name + " publishes " + ports + ", the README says " + expected);
        });
        // the applications listen inside on the port they publish (QUARKUS_HTTP_PORT), as in the local stack
        for (String app : APPLICATIONS) {
            JsonNode service = services().get(app);
            String port = service.path("environment").path("QUARKUS_HTTP_PORT").asText();
            assertEquals(port + ":" + port, service.path("ports").path(0).asText(), app);
        }
    }

    @Test
    void theApplicationsRunTheImagesOfThisBuildWithTheEnvironmentTheyRead() throws Exception {
        String version = System.getProperty("govtech.project.version");
        Map<String, JsonNode> services = services();
        Set<String> databases = new TreeSet<>();
        Matcher created = Pattern.compile("CREATE DATABASE (\\w+);")
                .matcher(ComposeFile.text(ComposeFile.dir().resolve("postgres/create-databases.sql")));
        while (created.find()) {
            databases.add(created.group(1));
        }
        assertEquals(Set.of("membership", "learning", "solutions", "marketplace", "keycloak"), databases);
        for (String app : APPLICATIONS) {
            assertTrue(Files.readString(ComposeFile.repositoryRoot().resolve(app).resolve("pom.xml"))
                    .contains("<artifactId>" + app + "</artifactId>"), app + " is no artifactId of this repository");
            assertEquals("${GOVTECH_IMAGE_PREFIX:-govtech}/" + app + ":${GOVTECH_VERSION:-" + version + "}",
                    services.get(app).path("image").asText());
            JsonNode env = services.get(app).path("environment");
            assertEquals("http://keycloak:8080/realms/govtech", env.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText(), app);
            if (!app.equals("gateway")) {
                String area = app.substring(0, app.indexOf('-'));
                assertEquals("jdbc:postgresql://postgres:5432/" + area, env.path("QUARKUS_DATASOURCE_JDBC_URL").asText(), app);
                assertEquals("kafka:9092", env.path("KAFKA_BOOTSTRAP_SERVERS").asText(), app);
                assertTrue(env.has("QUARKUS_DATASOURCE_USERNAME") && env.has("QUARKUS_DATASOURCE_PASSWORD"), app);
                assertEquals("http://" + app + ":" + env.path("QUARKUS_HTTP_PORT").asText(),
                        services.get("gateway").path("environment").path("GATEWAY_UPSTREAM_" + area.toUpperCase()).asText());
            }
        }
        assertEquals("${KAFKA_IMAGE:-apache/kafka:" + System.getProperty("govtech.kafka.version") + "}",
                services.get("kafka").path("image").asText(), "the Kafka of the build (root pom kafka.version)");
        assertEquals("${KEYCLOAK_IMAGE:-quay.io/keycloak/keycloak:" + System.getProperty("govtech.keycloak.version") + "}",
                services.get("keycloak").path("image").asText(), "the Keycloak of the build (root pom keycloak.version)");
        assertTrue(services.get("keycloak").path("volumes").path(0).asText()
                .startsWith("${GOVTECH_REALM_FILE:-../keycloak/realm/govtech-realm.json}:/opt/keycloak/data/import/"));
        assertTrue(Files.isRegularFile(ComposeFile.dir().resolve("../keycloak/realm/govtech-realm.json")));
    }

    @Test
    void kafkasHealthCheckCreatesEveryTopicOfThePlatform() {
        Map<String, String> expected = new TreeMap<>();
        for (TopicSpec topic : PlatformTopics.all()) {
            expected.put(topic.name(), topic.partitions() + " " + (topic.retention() == null ? -1 : topic.retention().toMillis()));
        }
        Map<String, String> created = new TreeMap<>();
        Matcher entry = Pattern.compile("\"([a-z.-]+) (\\d+) (-?\\d+)\"")
                .matcher(ComposeFile.text(ComposeFile.dir().resolve("kafka/ensure-topics.sh")));
        while (entry.find()) {
            created.put(entry.group(1), entry.group(2) + " " + entry.group(3));
        }
        assertEquals(expected, created, "topics (partitions, retention ms) of kafka/ensure-topics.sh");
        assertEquals("/opt/govtech/ensure-topics.sh", services().get("kafka").path("healthcheck").path("test").path(2).asText());
    }

    private static Map<String, JsonNode> services() {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        compose.path("services").fields().forEachRemaining(e -> services.put(e.getKey(), e.getValue()));
        return services;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** The root README's "Ports" table: what → the ports of its port column (e.g. Keycloak → 8180, 9180). */
    private static Map<String, List<Integer>> readmePorts() {
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        List<String> lines = ComposeFile.text(ComposeFile.repositoryRoot().resolve("README.md")).lines().toList();
        int start = lines.indexOf("## Ports");
        assertTrue(start >= 0, "the root README has no '## Ports' section");
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            String[] cells = line.split("\\|");
            if (cells.length < 3 || cells[1].isBlank() || cells[1].contains("---") || cells[1].strip().equals("what")) {
                continue;
            }
            String what = cells[1].strip().replaceAll("\\s*\\(.*", "");
            List<Integer> ports = new ArrayList<>();
            Matcher number = Pattern.compile("\\d+").matcher(cells[2]);
            while (number.find()) {
                ports.add(Integer.parseInt(number.group()));
            }
            rows.put(what, ports);
        }
        return rows;
    }
}
