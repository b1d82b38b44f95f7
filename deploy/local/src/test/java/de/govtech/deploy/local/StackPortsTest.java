package de.govtech.deploy.local;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackPortsTest {

    @Test
    void withoutAnOffsetThePortsAreTheFixedOnes() {
        StackPorts ports = StackPorts.DEFAULT;

        assertEquals(15432, ports.postgres());
        assertEquals(19092, ports.kafka());
        assertEquals(19093, ports.kafkaController());
        assertEquals(8180, ports.keycloak());
        assertEquals(9180, ports.keycloakManagement());
        assertEquals(List.of(8081, 8082, 8083, 8084, 8080), ports.of(ServiceSpec.ALL).stream().map(ServiceSpec::port).toList());
    }

    @Test
    void theOffsetIsAddedToEveryPort() {
        StackPorts ports = new StackPorts(20000);

        assertEquals(35432, ports.postgres());
        assertEquals(39092, ports.kafka());
        assertEquals(39093, ports.kafkaController());
        assertEquals(28180, ports.keycloak());
        assertEquals(29180, ports.keycloakManagement());
        assertEquals("http://localhost:29180/health/ready", ports.keycloakHealthUrl());
        assertEquals(List.of(28081, 28082, 28083, 28084, 28080), ports.of(ServiceSpec.ALL).stream().map(ServiceSpec::port).toList());
    }

    @Test
    void shiftedApplicationsKeepTheirIdentityAndMoveTheirUrls() {
        ServiceSpec membership = new StackPorts(100).of(ServiceSpec.MEMBERSHIP);

        assertEquals("membership-service", membership.name());
        assertEquals("membership", membership.area());
        assertEquals("http://localhost:8181/api/v1/membership", membership.apiUrl());
        assertEquals("http://localhost:8181/q/health/ready", membership.healthUrl());
        assertEquals("http://localhost:8181/q/swagger-ui", membership.swaggerUiUrl());
    }

    @Test
    void aNegativeOffsetWorksWhileThePortsStayUnprivileged() {
        StackPorts ports = new StackPorts(-7056);

        assertEquals(1024, ports.of(ServiceSpec.GATEWAY).port());
        assertEquals(8376, ports.postgres());
    }

    @Test
    void offsetsThatLeaveThePortRangeAreRefusedWithTheValidRange() {
        StackException tooHigh = assertThrows(StackException.class, () -> new StackPorts(46443));
        StackException tooLow = assertThrows(StackException.class, () -> new StackPorts(-7057));

        assertTrue(tooHigh.getMessage().contains("between -7056 and 46442"), tooHigh.getMessage());
        assertTrue(tooLow.getMessage().contains("--port-offset -7057"), tooLow.getMessage());
        assertEquals(65535, new StackPorts(46442).kafkaController());
    }
}
