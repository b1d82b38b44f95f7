package de.govtech.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts one echo upstream behind every route and adds a route {@code offline} whose upstream port nobody
 * listens on (a service that is down).
 */
public class UpstreamsResource implements QuarkusTestResourceLifecycleManager {

    private EchoUpstream echo;

    @Override
    public Map<String, String> start() {
        try {
            echo = EchoUpstream.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "govtech.gateway.routes.membership.upstream", echo.url(),
                "govtech.gateway.routes.learning.upstream", echo.url(),
                "govtech.gateway.routes.solutions.upstream", echo.url(),
                "govtech.gateway.routes.marketplace.upstream", echo.url(),
                "govtech.gateway.routes.offline.upstream", "http://localhost:" + unusedPort());
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (echo != null) {
            echo.close();
        }
    }
}
