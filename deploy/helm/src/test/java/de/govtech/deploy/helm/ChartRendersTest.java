package de.govtech.deploy.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartRendersTest {

    @Test
    void chartLintsStrictlyWithoutErrorsOrWarnings() {
        LintResult lint = new Helm(Chart.directory()).lint().strict().call();
        assertFalse(lint.isFailed(), () -> String.join("\n", lint.getMessages()));
        assertTrue(lint.getMessages().stream().noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]")),
                () -> String.join("\n", lint.getMessages()));
    }

    @Test
    void defaultsRenderTheWholePlatformWithItsInfrastructure() {
        Map<String, Long> kinds = kinds(Chart.defaults());
        assertEquals(new TreeMap<>(Map.ofEntries(
                Map.entry("Deployment", 5L), Map.entry("Service", 5L), Map.entry("ConfigMap", 5L),
                Map.entry("PodDisruptionBudget", 5L), Map.entry("Ingress", 1L),
                Map.entry("Cluster", 5L), Map.entry("Kafka", 1L), Map.entry("KafkaNodePool", 1L),
                Map.entry("KafkaTopic", 8L), Map.entry("Keycloak", 1L), Map.entry("KeycloakRealmImport", 1L))), kinds);
    }

    @Test
    void externalInfrastructureRendersNoOperatorResources() {
        Map<String, Long> kinds = kinds(Chart.withExternalInfrastructure());
        assertEquals(new TreeMap<>(Map.of("Deployment", 5L, "Service", 5L, "ConfigMap", 5L,
                "PodDisruptionBudget", 5L, "Ingress", 1L)), kinds);
    }

    @Test
    void missingExternalKafkaIsRefusedWithTheValueToSet() {
        Exception refused = assertThrows(Exception.class, () -> Chart.renderText(Chart.directory(),
                Map.of("kafka.enabled", false)));
        assertTrue(refused.getMessage().contains("kafka.externalBootstrapServers is required"), refused.getMessage());
    }

    @Test
    void aMisspelledOrMistypedValueIsRefusedByTheValuesSchema() {
        for (Map<String, Object> wrong : List.of(
                Map.<String, Object>of("services.membership.replica", 3),
                Map.<String, Object>of("gateway.replicas", "two"),
                Map.<String, Object>of("image.pullPolicy", "Sometimes"),
                Map.<String, Object>of("kafka.topics[0].retention", 1000),
                Map.<String, Object>of("keycloak.realmImport.devUser", true))) {
            Exception refused = assertThrows(Exception.class, () -> Chart.renderText(Chart.directory(), wrong),
                    wrong.toString());
            assertTrue(refused.getMessage().contains("values don't meet the specifications of the schema"),
                    refused.getMessage());
        }
    }

    @Test
    void aBrokenTemplateFailsLintAndRender(@TempDir Path copy) throws IOException {
        copyChart(Chart.directory(), copy);
        Path ingress = copy.resolve("templates/gateway.yaml");
        Files.writeString(ingress, Files.readString(ingress).replace("{{- if $gw.ingress.enabled }}",
                "{{- if $gw.ingress.enabled }"));

        LintResult lint = new Helm(copy).lint().call();
        assertTrue(lint.isFailed(), () -> String.join("\n", lint.getMessages()));
        assertThrows(Exception.class, () -> Chart.renderText(copy, Map.of()));
    }

    private static Map<String, Long> kinds(List<JsonNode> objects) {
        return new TreeMap<>(objects.stream().collect(Collectors.groupingBy(o -> o.path("kind").asText(),
                Collectors.counting())));
    }

    static void copyChart(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
