package de.govtech.deploy.samplebroker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** Reads each exchange into a {@link RecordedRequest}, records it, routes it, writes the reply and logs one line. */
final class BrokerHttpHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(BrokerHttpHandler.class.getName());

    private final Router router;
    private final RequestRecorder recorder;
    private final Consumer<String> requestLog;

    BrokerHttpHandler(Router router, RequestRecorder recorder, Consumer<String> requestLog) {
        this.router = router;
        this.recorder = recorder;
        this.requestLog = requestLog;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        Instant receivedAt = Instant.now();
        try {
            RecordedRequest request = read(exchange, receivedAt);
            recorder.record(request);
            Reply reply;
            try {
                reply = router.dispatch(request);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "request " + request.method() + " " + request.path() + " failed", e);
                reply = Reply.error(500, "internal error: " + e);
            }
            // logged before the answer goes out, so a caller that has its answer also finds the line
            long millis = (System.nanoTime() - started) / 1_000_000;
            requestLog.accept(request.method() + " " + request.path()
                    + (request.query().isEmpty() ? "" : "?" + request.query()) + " -> " + reply.status() + " (" + millis + " ms)");
            write(exchange, reply);
        } finally {
            exchange.close();
        }
    }

    private static RecordedRequest read(HttpExchange exchange, Instant receivedAt) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            headers.put(header.getKey().toLowerCase(Locale.ROOT), String.join(",", header.getValue()));
        }
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String query = exchange.getRequestURI().getRawQuery();
        return new RecordedRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                exchange.getRequestURI().getPath(), query == null ? "" : query, headers, body, receivedAt);
    }

    private static void write(HttpExchange exchange, Reply reply) throws IOException {
        if (!reply.delay().isZero() && !pause(reply.delay())) {
            return;
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (reply.trickle()) {
            trickle(exchange, reply);
            return;
        }
        boolean noBody = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Headers at once, then the body's first byte and a space every half second, until the client gives up or the broker closes. */
    private static void trickle(HttpExchange exchange, Reply reply) throws IOException {
        exchange.sendResponseHeaders(reply.status(), 0);
        OutputStream out = exchange.getResponseBody();
        out.write(reply.body().isEmpty() ? '{' : reply.body().charAt(0));
        out.flush();
        while (pause(Duration.ofMillis(500))) {
            out.write(' ');
            out.flush();
        }
    }

    /** False if interrupted (the broker is closing). */
    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
