package de.govtech.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts one echo upstream behind each route, each serving a small OpenAPI document of its service at
 * {@code /q/openapi}, and adds a route {@code offline} whose upstream port nobody listens on (a service that is
 * down). {@code test.upstream.<route>} names each echo's URL for the tests.
 */
public class UpstreamsResource implements QuarkusTestResourceLifecycleManager {

    /** The service documents: membership and marketplace from platform-openapi-merge's test jar, the others here. */
    private static final Map<String, String> DOCUMENTS = Map.of(
            "membership", "fixtures/membership.json",
            "marketplace", "fixtures/marketplace.json",
            "learning", "openapi/learning.json",
            "solutions", "openapi/solutions.json");

    private final List<EchoUpstream> echoes = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        DOCUMENTS.forEach((route, resource) -> {
            try {
                EchoUpstream echo = EchoUpstream.start(resource(resource));
                echoes.add(echo);
                config.put("govtech.gateway.routes." + route + ".upstream", echo.url());
                config.put("test.upstream." + route, echo.url());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        config.put("govtech.gateway.routes.offline.upstream", "http://localhost:" + unusedPort());
        return config;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = UpstreamsResource.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
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
        echoes.forEach(EchoUpstream::close);
    }
}
