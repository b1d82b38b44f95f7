package de.govtech.deploy.local;

import com.sun.net.httpserver.HttpServer;
import de.govtech.platform.infra.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthWaiterTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Terminal terminal = new Terminal(new PrintStream(output, true), new PrintStream(output, true), false, false);
    private final List<ServiceProcess> started = new ArrayList<>();
    private HttpServer server;

    @AfterEach
    void stopEverything() {
        started.forEach(p -> {
            p.requestStop();
            p.awaitStopped(Duration.ofSeconds(5));
        });
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void returnsOnceTheHealthEndpointSaysUp() throws Exception {
        ServiceSpec spec = serveHealth("{\"status\": \"UP\", \"checks\": []}", 200);
        ServiceProcess process = start(spec, "sleep 300");

        try (ProgressBoard board = new ProgressBoard(terminal)) {
            new HealthWaiter(new HealthProbe(), board, Duration.ofSeconds(10)).awaitReady(List.of(process));
        }

        assertTrue(output.toString(StandardCharsets.US_ASCII).contains("OK demo-service UP (" + spec.baseUrl() + ")"),
                output.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void failsWithTheLogFileWhenTheProcessExits() {
        ServiceSpec spec = new ServiceSpec("demo-service", "demo", Ports.freePort(), "demo");
        ServiceProcess process = start(spec, "echo 'Port already bound' ; exit 3");

        StackException e = assertThrows(StackException.class, () -> {
            try (ProgressBoard board = new ProgressBoard(terminal)) {
                new HealthWaiter(new HealthProbe(), board, Duration.ofSeconds(10)).awaitReady(List.of(process));
            }
        });

        assertTrue(e.getMessage().contains("exited with code 3"), e.getMessage());
        assertEquals(dir.resolve("demo.log"), e.logFile().orElseThrow());
    }

    @Test
    void failsWhenNotReadyInTime() {
        ServiceSpec spec = serveHealth("{\"status\": \"DOWN\"}", 503);
        ServiceProcess process = start(spec, "sleep 300");

        StackException e = assertThrows(StackException.class, () -> {
            try (ProgressBoard board = new ProgressBoard(terminal)) {
                new HealthWaiter(new HealthProbe(), board, Duration.ofSeconds(1)).awaitReady(List.of(process));
            }
        });

        assertTrue(e.getMessage().contains("not ready within 1 s (HTTP 503, status DOWN"), e.getMessage());
    }

    private ServiceSpec serveHealth(String body, int status) {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/q/health/ready", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return new ServiceSpec("demo-service", "demo", server.getAddress().getPort(), "demo");
    }

    private ServiceProcess start(ServiceSpec spec, String script) {
        ServiceProcess process = ServiceProcess.start(spec, List.of("sh", "-c", script), Map.of(), dir, dir.resolve("demo.log"));
        started.add(process);
        return process;
    }
}
