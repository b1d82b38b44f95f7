package de.govtech.platform.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds free TCP ports and checks that fixed ports are still free before a server takes them. */
public final class Ports {

    private Ports() {
    }

    /** A port that was free a moment ago (the OS picks it). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free TCP port", e);
        }
    }

    /**
     * Throws {@link PortInUseException} when {@code port} is taken. Binds the wildcard address so a server
     * listening on localhost only and one listening on all interfaces are both detected.
     */
    public static void requireFree(int port, String what) {
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("Invalid port " + port + " for " + what);
        }
        try (ServerSocket socket = new ServerSocket()) {
            // SO_REUSEADDR lets us bind while old connections linger in TIME_WAIT, which is no conflict
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new PortInUseException(port, what);
        }
    }
}
