package de.govtech.systemtests;

import de.govtech.platform.infra.PortInUseException;
import de.govtech.platform.infra.Ports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local stack's fixed ports (deploy/local README), all shifted by the launcher's {@code --port-offset}.
 * The offsets tried keep every port below 32768, where Linux hands out ephemeral ports for outgoing connections
 * (a Kafka or PostgreSQL port in that range can be taken by any client socket between the check and the bind), and
 * away from deploy/local's LocalStackIT (offsets from 20000) so that both can run on one machine at once.
 */
record PortPlan(int offset) {

    /** 11000 first (ports 19080-30093), then the other thousands that stay below 32768. */
    static final List<Integer> OFFSETS = List.of(11000, 12000, 13000, 10000, 9000, 8000, 7000, 6000, 5000, 4000, 3000, 2000, 1000);

    int gateway() {
        return 8080 + offset;
    }

    int sampleBroker() {
        return 8090 + offset;
    }

    int keycloak() {
        return 8180 + offset;
    }

    int kafka() {
        return 19092 + offset;
    }

    /** Every port the launcher binds, with what binds it. */
    Map<Integer, String> all() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(gateway(), "gateway");
        ports.put(8081 + offset, "membership-service");
        ports.put(8082 + offset, "learning-service");
        ports.put(8083 + offset, "solutions-service");
        ports.put(8084 + offset, "marketplace-service");
        ports.put(sampleBroker(), "sample broker");
        ports.put(keycloak(), "Keycloak");
        ports.put(9180 + offset, "Keycloak management");
        ports.put(15432 + offset, "PostgreSQL");
        ports.put(kafka(), "Kafka");
        ports.put(kafka() + 1, "Kafka controller");
        return ports;
    }

    /** The ports of this plan that something holds right now. */
    List<String> bound() {
        List<String> bound = new ArrayList<>();
        all().forEach((port, what) -> {
            try {
                Ports.requireFree(port, what);
            } catch (PortInUseException e) {
                bound.add(port + " (" + what + ")");
            }
        });
        return bound;
    }

    /** The first offset of {@link #OFFSETS} whose ports are all free. */
    static PortPlan firstFree() {
        return OFFSETS.stream()
                .map(PortPlan::new)
                .filter(plan -> plan.bound().isEmpty())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No port offset of " + OFFSETS + " has all the stack's ports free"));
    }
}
