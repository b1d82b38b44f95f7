package de.govtech.deploy.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The environment each application gets: its port and where PostgreSQL, Kafka, Keycloak and its upstreams are. */
final class AppEnvironment {

    private AppEnvironment() {
    }

    /**
     * {@code gatewayUrl}: where callers reach the platform (the issuer of learning's credentials lives there);
     * {@code brokerPasswordKey}: the marketplace's key for vendors' broker passwords.
     */
    static Map<String, String> service(ServiceSpec spec, String jdbcUrl, String dbUsername, String dbPassword,
                                       String kafkaBootstrap, String realmUrl, String gatewayUrl, String brokerPasswordKey) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(spec.port()));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", dbUsername);
        env.put("QUARKUS_DATASOURCE_PASSWORD", dbPassword);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", realmUrl);
        if (spec.name().equals(ServiceSpec.LEARNING.name())) {
            env.put("LEARNING_CREDENTIALS_PUBLIC_BASE_URL", gatewayUrl);
        }
        if (spec.name().equals(ServiceSpec.MARKETPLACE.name())) {
            // the sample broker (and a developer's own) runs on http://localhost: allowed here, never in production
            env.put("GOVTECH_MARKETPLACE_BROKERS_ALLOW_PLAIN_HTTP", "true");
            env.put("GOVTECH_MARKETPLACE_BROKERS_ALLOW_PRIVATE_TARGETS", "true");
            env.put("GOVTECH_MARKETPLACE_BROKERS_ENCRYPTION_KEY", brokerPasswordKey);
        }
        return env;
    }

    /** {@code upstreams}: the four services with the ports they run on. */
    static Map<String, String> gateway(ServiceSpec spec, String realmUrl, List<ServiceSpec> upstreams) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(spec.port()));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", realmUrl);
        for (ServiceSpec service : upstreams) {
            env.put(service.upstreamEnvName(), service.baseUrl());
        }
        return env;
    }
}
