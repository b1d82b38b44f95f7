package de.govtech.deploy.local;

import java.util.List;

/**
 * The stack's ports: the fixed local ports (gateway 8080, services 8081-8084, sample broker 8090, Keycloak 8180/9180,
 * PostgreSQL 15432, Kafka 19092/19093), all shifted by {@code --port-offset} so a second stack (a system test, a colleague's demo)
 * can run beside the usual one. Everything else derives its ports from here.
 */
record StackPorts(int offset) {

    static final int POSTGRES = 15432;
    static final int KAFKA = 19092;
    static final int KEYCLOAK = 8180;
    static final int KEYCLOAK_MANAGEMENT = 9180;
    /** The sample vendor broker (deploy/sample-broker) of the seeded demo app. */
    static final int SAMPLE_BROKER = 8090;

    static final StackPorts DEFAULT = new StackPorts(0);

    /** Below this a port needs root on most systems. */
    static final int LOWEST_PORT = 1024;
    static final int HIGHEST_PORT = 65535;

    StackPorts {
        int lowest = lowestFixedPort() + offset;
        int highest = highestFixedPort() + offset;
        if (lowest < LOWEST_PORT || highest > HIGHEST_PORT) {
            throw new StackException("--port-offset " + offset + " moves the ports to " + lowest + "-" + highest
                    + "; they must stay within " + LOWEST_PORT + "-" + HIGHEST_PORT + ", so the offset must be between "
                    + (LOWEST_PORT - lowestFixedPort()) + " and " + (HIGHEST_PORT - highestFixedPort()) + ".");
        }
    }

    int postgres() {
        return POSTGRES + offset;
    }

    int kafka() {
        return KAFKA + offset;
    }

    /** platform-infra's KafkaServer puts the KRaft controller on the broker port + 1. */
    int kafkaController() {
        return kafka() + 1;
    }

    int keycloak() {
        return KEYCLOAK + offset;
    }

    int keycloakManagement() {
        return KEYCLOAK_MANAGEMENT + offset;
    }

    int sampleBroker() {
        return SAMPLE_BROKER + offset;
    }

    String keycloakHealthUrl() {
        return "http://localhost:" + keycloakManagement() + "/health/ready";
    }

    /** The application on its shifted port. */
    ServiceSpec of(ServiceSpec spec) {
        return spec.withPort(spec.port() + offset);
    }

    List<ServiceSpec> of(List<ServiceSpec> specs) {
        return specs.stream().map(this::of).toList();
    }

    private static int lowestFixedPort() {
        return ServiceSpec.ALL.stream().mapToInt(ServiceSpec::port).min().orElseThrow();
    }

    private static int highestFixedPort() {
        return KAFKA + 1;
    }
}
