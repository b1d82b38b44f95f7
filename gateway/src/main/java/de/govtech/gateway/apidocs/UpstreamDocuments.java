package de.govtech.gateway.apidocs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.govtech.gateway.GatewayConfig;
import de.govtech.platform.openapi.OpenApiMergeException;
import de.govtech.platform.openapi.OpenApiMerger;
import io.quarkus.logging.Log;

/**
 * Asks every route's service for its own OpenAPI document, all at once. A service that is down, slow, or answers
 * with something that is not an OpenAPI 3.1 document is left out with a warning — the others still make a
 * document.
 */
@ApplicationScoped
public class UpstreamDocuments {

    /** The documents that could be had, by route name, and the routes whose document could not. */
    public record Fetched(Map<String, JsonNode> documents, List<String> unavailable) {
    }

    private final GatewayConfig config;
    private final ObjectMapper mapper;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "api-docs-fetch");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client;

    public UpstreamDocuments(GatewayConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    public CompletableFuture<Fetched> fetchAll() {
        Map<String, CompletableFuture<JsonNode>> pending = new TreeMap<>();
        config.routes().forEach((name, route) -> pending.put(name, fetch(name, documentUri(route.upstream()))));
        return CompletableFuture.allOf(pending.values().toArray(CompletableFuture[]::new)).handle((done, failure) -> {
            Map<String, JsonNode> documents = new TreeMap<>();
            List<String> unavailable = new ArrayList<>();
            pending.forEach((name, document) -> {
                JsonNode value = document.getNow(null);
                if (value != null) {
                    documents.put(name, value);
                } else {
                    unavailable.add(name);
                }
            });
            return new Fetched(documents, unavailable);
        });
    }

    private URI documentUri(URI upstream) {
        String base = upstream.toString().endsWith("/") ? upstream.toString().substring(0, upstream.toString().length() - 1)
                : upstream.toString();
        return URI.create(base + config.apiDocs().upstreamPath());
    }

    /** Completes with the document, or with null when it cannot be had (logged). */
    private CompletableFuture<JsonNode> fetch(String route, URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.apiDocs().fetchTimeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("answered " + response.statusCode());
                    }
                    try {
                        JsonNode document = mapper.readTree(response.body());
                        OpenApiMerger.requireOpenApi31(route, document);
                        return document;
                    } catch (IOException e) {
                        throw new IllegalStateException("not JSON: " + e.getMessage(), e);
                    }
                })
                .exceptionally(failure -> {
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    String reason = cause instanceof OpenApiMergeException ? cause.getMessage()
                            : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
                    Log.warnf("API document of the %s service (%s) left out of the merged document: %s", route, uri, reason);
                    return null;
                });
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }
}
