package de.govtech.deploy.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortCheckTest {

    @TempDir
    Path dir;

    @Test
    void namesTheTakenPortWhatNeedsItAndHowToFindTheHolder() throws Exception {
        StackLayout layout = new StackLayout(dir, dir.resolve("data"));
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("localhost", 0));
            int port = taken.getLocalPort();

            StackException e = assertThrows(StackException.class, () -> PortCheck.requireFree(
                    List.of(new PortCheck.PortUse(port, "learning-service")), layout, StackPorts.DEFAULT));

            assertTrue(e.getMessage().contains("port " + port + " is taken, but learning-service needs it"), e.getMessage());
            assertTrue(e.getMessage().contains("ss -ltnp 'sport = :" + port + "'"), e.getMessage());
        }
    }

    @Test
    void freePortsPass() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        int free = port;
        assertDoesNotThrow(() -> PortCheck.requireFree(List.of(new PortCheck.PortUse(free, "gateway")),
                new StackLayout(dir, dir.resolve("data")), StackPorts.DEFAULT));
    }

    @Test
    void theStackNeedsEveryFixedPort() {
        List<Integer> ports = PortCheck.portsFor(StackPorts.DEFAULT, ServiceSpec.ALL).stream().map(PortCheck.PortUse::port).toList();

        assertTrue(ports.containsAll(List.of(15432, 19092, 19093, 8180, 9180, 8080, 8081, 8082, 8083, 8084, 8090)), ports.toString());
    }

    @Test
    void theOffsetShiftsEveryPortItChecks() {
        StackPorts ports = new StackPorts(20000);
        List<Integer> shifted = PortCheck.portsFor(ports, ports.of(ServiceSpec.ALL)).stream()
                .map(PortCheck.PortUse::port).sorted().toList();

        assertEquals(List.of(28080, 28081, 28082, 28083, 28084, 28090, 28180, 29180, 35432, 39092, 39093), shifted);
    }
}
