package de.govtech.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for a service: it answers every request with JSON describing what it received
 * (method, path, query, headers, body length and SHA-256). Query parameters steer it: {@code delay=<ms>} answers
 * late, {@code download=<bytes>} streams that many bytes back (chunked), {@code status=<code>} answers with that
 * status. When started with an OpenAPI document, it serves that at {@code /q/openapi} (as a service does) and
 * counts how often it was asked ({@code /__stats}).
 */
public final class EchoUpstream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final byte[] openApi;
    private final AtomicInteger openApiRequests = new AtomicInteger();

    private EchoUpstream(HttpServer server, byte[] openApi) {
        this.server = server;
        this.openApi = openApi;
    }

    public static EchoUpstream start() throws IOException {
        return start(null);
    }

    /** @param openApi the service's OpenAPI document (JSON), or null */
    public static EchoUpstream start(byte[] openApi) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 50);
        EchoUpstream upstream = new EchoUpstream(server, openApi);
        server.createContext("/q/openapi", upstream::openApi);
        server.createContext("/__stats", upstream::stats);
        server.createContext("/", upstream::handle);
        server.setExecutor(upstream.executor);
        server.start();
        return upstream;
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> params = params(exchange.getRequestURI().getRawQuery());
            long bodyLength = 0;
            MessageDigest sha = sha256();
            try (InputStream body = exchange.getRequestBody()) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = body.read(buffer)) > 0;) {
                    bodyLength += n;
                    sha.update(buffer, 0, n);
                }
            }
            if (params.containsKey("delay")) {
                sleep(Long.parseLong(params.get("delay")));
            }
            int status = Integer.parseInt(params.getOrDefault("status", "200"));
            if (params.containsKey("download")) {
                download(exchange, status, Long.parseLong(params.get("download")));
                return;
            }
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("method", exchange.getRequestMethod());
            echo.put("path", exchange.getRequestURI().getRawPath());
            echo.put("query", exchange.getRequestURI().getRawQuery());
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            echo.put("headers", headers);
            echo.put("bodyLength", bodyLength);
            echo.put("bodySha256", HexFormat.of().formatHex(sha.digest()));
            byte[] answer = JSON.writeValueAsBytes(echo);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Upstream", "echo");
            String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
            if (requestId != null) {
                // as every service does (service-support's RequestIdFilter)
                exchange.getResponseHeaders().set("X-Request-Id", requestId);
            }
            exchange.getResponseHeaders().set("Connection", "keep-alive, X-Upstream-Private");
            exchange.getResponseHeaders().set("X-Upstream-Private", "hop");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private void openApi(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (openApi == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            openApiRequests.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, openApi.length);
            exchange.getResponseBody().write(openApi);
        }
    }

    private void stats(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] answer = JSON.writeValueAsBytes(Map.of("openApiRequests", openApiRequests.get()));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    /** Deterministic bytes (i % 251) so the caller can check them without keeping a copy. */
    private static void download(HttpExchange exchange, int status, long size) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(status, 0); // 0 = chunked
        try (OutputStream out = exchange.getResponseBody()) {
            byte[] block = new byte[32 * 1024];
            long sent = 0;
            while (sent < size) {
                int n = (int) Math.min(block.length, size - sent);
                for (int i = 0; i < n; i++) {
                    block[i] = (byte) ((sent + i) % 251);
                }
                out.write(block, 0, n);
                sent += n;
            }
        }
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
