package de.govtech.deploy.local;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryTest {

    @Test
    void tellsWhereEverythingIsAndHowToGetAToken() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), false, true);
        List<DevUser> users = List.of(
                new DevUser("dev-heilbronn-admin", List.of("municipality-admin"), "m-1", null),
                new DevUser("dev-platform-admin", List.of("platform-admin"), null, null));

        new Summary(terminal, spec -> !spec.area().equals("learning")).print(new Summary.Facts(ServiceSpec.ALL,
                "http://localhost:8180", 15432, "localhost:19092", users, null, Path.of("/repo/.stack-data"),
                Path.of("/repo/.stack-data/logs"), 97, "Press Ctrl-C to stop (or: kill 42).", "http://localhost:8090",
                "broker / broker-secret", "buergerservice-demo published   http://localhost:8080/api/v1/marketplace/catalogue/apps/buergerservice-demo",
                "5 courses published", "3 proposals, round opened, Digitaler Bauantrag (Demo) released"));

        String text = bytes.toString(StandardCharsets.UTF_8);
        for (String expected : List.of(
                "Gateway         http://localhost:8080",
                "API        http://localhost:8081/api/v1/membership",
                "Swagger UI http://localhost:8084/q/swagger-ui",
                "Swagger UI http://localhost:8082/q/swagger-ui   (not included in this build)",
                "OpenAPI    http://localhost:8083/q/openapi",
                "Keycloak admin  http://localhost:8180/admin   (admin / admin — dev only)",
                "Token endpoint  http://localhost:8180/realms/govtech/protocol/openid-connect/token",
                "dev-heilbronn-admin  municipality-admin  municipality_id=m-1",
                "curl -s -d grant_type=password -d client_id=govtech-cli -d username=dev-platform-admin"
                        + " -d password=dev-platform-admin http://localhost:8180/realms/govtech/protocol/openid-connect/token",
                "Logs            /repo/.stack-data/logs",
                "Sample broker   http://localhost:8090   (Open Service Broker 2.17, broker / broker-secret — dev only)",
                "Demo app        buergerservice-demo published   http://localhost:8080/api/v1/marketplace/catalogue/apps/buergerservice-demo",
                "Press Ctrl-C to stop (or: kill 42).")) {
            assertTrue(text.contains(expected), "missing: " + expected + "\n" + text);
        }
    }
}
