package de.govtech.deploy.local;

import java.util.List;
import java.util.Optional;

/**
 * One Quarkus application of the stack: its module, its local port (the fixed one unless shifted by
 * {@link StackPorts}) and, for the four services, its
 * area (database name and REST base path {@code /api/v1/<area>}). The gateway has no area.
 */
record ServiceSpec(String name, String moduleDir, int port, String area) {

    static final ServiceSpec MEMBERSHIP = new ServiceSpec("membership-service", "membership-service", 8081, "membership");
    static final ServiceSpec LEARNING = new ServiceSpec("learning-service", "learning-service", 8082, "learning");
    static final ServiceSpec SOLUTIONS = new ServiceSpec("solutions-service", "solutions-service", 8083, "solutions");
    static final ServiceSpec MARKETPLACE =
            new ServiceSpec("marketplace-service", "marketplace-service", 8084, "marketplace");
    static final ServiceSpec GATEWAY = new ServiceSpec("gateway", "gateway", 8080, null);

    static final List<ServiceSpec> SERVICES = List.of(MEMBERSHIP, LEARNING, SOLUTIONS, MARKETPLACE);
    static final List<ServiceSpec> ALL = List.of(MEMBERSHIP, LEARNING, SOLUTIONS, MARKETPLACE, GATEWAY);

    /** Accepts "membership", "membership-service" or "gateway". */
    static Optional<ServiceSpec> byName(String name) {
        String wanted = name.trim();
        return ALL.stream()
                .filter(s -> s.name().equals(wanted) || (s.area() != null && s.area().equals(wanted)))
                .findFirst();
    }

    /** The same application on another port (see {@link StackPorts}). */
    ServiceSpec withPort(int newPort) {
        return new ServiceSpec(name, moduleDir, newPort, area);
    }

    boolean isGateway() {
        return area == null;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    String apiUrl() {
        return isGateway() ? baseUrl() : baseUrl() + "/api/v1/" + area;
    }

    String healthUrl() {
        return baseUrl() + "/q/health/ready";
    }

    String swaggerUiUrl() {
        return baseUrl() + "/q/swagger-ui";
    }

    String openApiUrl() {
        return baseUrl() + "/q/openapi";
    }

    /** The gateway's env name for this service's upstream URL, e.g. GATEWAY_UPSTREAM_MEMBERSHIP. */
    String upstreamEnvName() {
        return "GATEWAY_UPSTREAM_" + area.toUpperCase(java.util.Locale.ROOT);
    }
}
