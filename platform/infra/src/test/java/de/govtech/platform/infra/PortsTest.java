package de.govtech.platform.infra;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortsTest {

    @Test
    void freePortCanBeBound() {
        int port = Ports.freePort();
        assertTrue(port > 0);
        Ports.requireFree(port, "test");
    }

    @Test
    void requireFreeNamesThePortAndItsUser() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            PortInUseException e = assertThrows(PortInUseException.class, () -> Ports.requireFree(port, "membership-service"));
            assertTrue(e.getMessage().startsWith("Port " + port + " (membership-service) is already in use"), e.getMessage());
            assertEquals(port, e.port());
        }
    }
}
