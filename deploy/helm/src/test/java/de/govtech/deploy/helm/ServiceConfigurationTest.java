package de.govtech.deploy.helm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chart configures what the services read: each ConfigMap variable is the environment form of a property the
 * service (or platform-service-support's shared defaults) declares, or a variable its properties refer to; the ports
 * are the services' own.
 */
class ServiceConfigurationTest {

    /** The modules; each one's component in the chart has the module's name. */
    private static final List<String> MODULES = List.of(
            "membership-service", "learning-service", "solutions-service", "marketplace-service", "gateway");
    private static final Pattern PROPERTY = Pattern.compile("^#?\\s*(%[\\w-]+\\.)?([a-z][\\w.\\-\"]*)\\s*=.*$");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    @Test
    void everyConfigMapVariableIsAPropertyTheServiceReads() throws IOException {
        for (Map<String, Object> values : List.of(Map.<String, Object>of(), Chart.DEMO,
                Map.<String, Object>of("gateway.corsOrigins", "https://portal.example",
                        "services.membership.env.GOVTECH_MEMBERSHIP_END_DUE_CRON", "off"))) {
            List<String> unknown = unknownVariables(values);
            assertTrue(unknown.isEmpty(), () -> "no such property: " + unknown);
        }
    }

    @Test
    void aMisspelledVariableIsFound() throws IOException {
        assertEquals(List.of("membership-service: GOVTECH_MEMBERSHIP_END_DUE_KRON"),
                unknownVariables(Map.of("services.membership.env.GOVTECH_MEMBERSHIP_END_DUE_KRON", "off")));
    }

    private static List<String> unknownVariables(Map<String, Object> values) throws IOException {
        List<String> unknown = new ArrayList<>();
        for (String module : MODULES) {
            List<String> known = knownVariables(module);
            JsonNode data = WorkloadsTest.configMap(Chart.render(values), module).path("data");
            data.fieldNames().forEachRemaining(name -> {
                if (!name.equals("JAVA_TOOL_OPTIONS") && !known.contains(name)) {
                    unknown.add(module + ": " + name);
                }
            });
        }
        return unknown;
    }

    @Test
    void thePortsAreTheServicesOwn() throws IOException {
        for (String module : MODULES) {
            String port = properties(module).lines()
                    .filter(line -> line.startsWith("quarkus.http.port=")).findFirst().orElseThrow().split("=")[1].strip();
            assertEquals(Integer.parseInt(port), WorkloadsTest.container(Chart.defaults(), module)
                    .at("/ports/0/containerPort").asInt(), module);
        }
    }

    private static List<String> knownVariables(String module) throws IOException {
        List<String> known = new ArrayList<>();
        String text = properties(module) + "\n" + Files.readString(root().resolve(
                "platform/service-support/src/main/resources/META-INF/microprofile-config.properties"));
        for (String line : text.lines().toList()) {
            Matcher property = PROPERTY.matcher(line.strip());
            if (property.matches()) {
                known.add(property.group(2).replaceAll("[^A-Za-z0-9]", "_").toUpperCase());
            }
            Matcher reference = REFERENCE.matcher(line);
            while (reference.find()) {
                known.add(reference.group(1));
            }
        }
        return known;
    }

    private static String properties(String module) throws IOException {
        return Files.readString(root().resolve(module).resolve("src/main/resources/application.properties"));
    }

    private static Path root() {
        return Path.of(System.getProperty("govtech.repository.root", "../..")).toAbsolutePath().normalize();
    }
}
