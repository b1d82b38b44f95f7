package de.govtech.marketplace.subscriptions;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reverse proxy in front of a sample broker that answers some {@code last_operation} polls itself with 200 and an
 * HTML page (as a load balancer's maintenance page does) instead of forwarding them: for instances of one plan, the
 * first {@code count} polls after the instance's DELETE (or after its PUT). Everything else is forwarded unchanged.
 */
final class ManglingProxy implements AutoCloseable {

    private static final Set<String> FORWARDED = Set.of("authorization", "accept", "content-type", "x-broker-api-version",
            "x-broker-api-originating-identity", "x-broker-api-request-identity");

    private final HttpServer server;
    private final URI target;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String planId;
    private final int count;
    private final boolean afterDelete;
    private final Map<String, AtomicInteger> remaining = new ConcurrentHashMap<>();
    final AtomicInteger mangled = new AtomicInteger();

    private ManglingProxy(URI target, String planId, int count, boolean afterDelete) throws IOException {
        this.target = target;
        this.planId = planId;
        this.count = count;
        this.afterDelete = afterDelete;
        this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 50);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "mangling-proxy");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Mangles the first {@code count} polls of each instance of {@code planId} after its PUT or, if so, its DELETE. */
    static ManglingProxy start(URI target, String planId, int count, boolean afterDelete) throws IOException {
        return new ManglingProxy(target, planId, count, afterDelete);
    }

    URI baseUrl() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
            String instance = path.startsWith("/v2/service_instances/") ? path.split("/")[3] : null;
            boolean ofPlan = query.contains("plan_id=" + planId);
            if (instance != null && ofPlan && afterDelete && method.equals("DELETE")) {
                remaining.put(instance, new AtomicInteger(count));
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (instance != null && method.equals("PUT") && !afterDelete
                    && new String(body, StandardCharsets.UTF_8).contains("\"plan_id\":\"" + planId + "\"")) {
                remaining.put(instance, new AtomicInteger(count));
            }
            if (instance != null && path.endsWith("/last_operation") && ofPlan
                    && remaining.getOrDefault(instance, new AtomicInteger()).getAndDecrement() > 0) {
                mangled.incrementAndGet();
                byte[] page = "<html><body>Wartungsarbeiten</body></html>".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target.toString() + path
                    + (query.isEmpty() ? "" : "?" + query))).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(value -> forward.header(name, value));
                }
            });
            HttpResponse<byte[]> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            for (String header : List.of("Content-Type", "Retry-After")) {
                response.headers().firstValue(header).ifPresent(v -> exchange.getResponseHeaders().add(header, v));
            }
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
