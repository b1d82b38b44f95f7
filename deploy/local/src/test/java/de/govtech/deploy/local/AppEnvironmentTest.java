package de.govtech.deploy.local;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AppEnvironmentTest {

    private final StackPorts ports = new StackPorts(20000);

    @Test
    void aServiceGetsItsShiftedPortAndTheShiftedServers() {
        ServiceSpec learning = ports.of(ServiceSpec.LEARNING);

        Map<String, String> env = AppEnvironment.service(learning, "jdbc:postgresql://localhost:35432/learning",
                "postgres", "postgres", "localhost:39092", "http://localhost:28180/realms/govtech", "http://localhost:28080");

        assertEquals(Map.of(
                "QUARKUS_HTTP_PORT", "28082",
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:35432/learning",
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                "KAFKA_BOOTSTRAP_SERVERS", "localhost:39092",
                "QUARKUS_OIDC_AUTH_SERVER_URL", "http://localhost:28180/realms/govtech",
                "LEARNING_CREDENTIALS_PUBLIC_BASE_URL", "http://localhost:28080"), env);
    }

    @Test
    void theGatewayPointsAtTheShiftedServices() {
        Map<String, String> env = AppEnvironment.gateway(ports.of(ServiceSpec.GATEWAY),
                "http://localhost:28180/realms/govtech", ports.of(ServiceSpec.SERVICES));

        assertEquals(Map.of(
                "QUARKUS_HTTP_PORT", "28080",
                "QUARKUS_OIDC_AUTH_SERVER_URL", "http://localhost:28180/realms/govtech",
                "GATEWAY_UPSTREAM_MEMBERSHIP", "http://localhost:28081",
                "GATEWAY_UPSTREAM_LEARNING", "http://localhost:28082",
                "GATEWAY_UPSTREAM_SOLUTIONS", "http://localhost:28083",
                "GATEWAY_UPSTREAM_MARKETPLACE", "http://localhost:28084"), env);
    }
}
