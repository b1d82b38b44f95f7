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
                "postgres", "postgres", "localhost:39092", "http://localhost:28180/realms/govtech", "http://localhost:28080", "a2V5");

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
    void theMarketplaceMayCallBrokersOnLocalhostAndGetsTheDataDirsPasswordKey() {
        Map<String, String> env = AppEnvironment.service(ports.of(ServiceSpec.MARKETPLACE), "jdbc:postgresql://localhost:35432/marketplace",
                "postgres", "postgres", "localhost:39092", "http://localhost:28180/realms/govtech", "http://localhost:28080", "a2V5");

        assertEquals("true", env.get("GOVTECH_MARKETPLACE_BROKERS_ALLOW_PLAIN_HTTP"));
        assertEquals("true", env.get("GOVTECH_MARKETPLACE_BROKERS_ALLOW_PRIVATE_TARGETS"));
        assertEquals("a2V5", env.get("GOVTECH_MARKETPLACE_BROKERS_ENCRYPTION_KEY"));
    }

    @Test
    void theBrokerPasswordKeyIsMadeOncePerDataDirAndReadableOnlyByItsOwner(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dataDir)
            throws Exception {
        String key = BrokerPasswordKey.of(dataDir);

        assertEquals(32, java.util.Base64.getDecoder().decode(key).length);
        assertEquals(key, BrokerPasswordKey.of(dataDir), "the same key after a restart");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(dataDir.resolve(BrokerPasswordKey.FILE))));
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
