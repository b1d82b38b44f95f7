package de.govtech.gateway.apidocs;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.govtech.gateway.GatewayConfig;
import de.govtech.platform.openapi.MergeResult;
import de.govtech.platform.openapi.MergeSettings;
import de.govtech.platform.openapi.OpenApiMerger;
import io.quarkus.logging.Log;

/**
 * The merged OpenAPI document of all services as the gateway serves it: built from the services' live documents
 * with the same merger that generates the Java client at build time, cached for
 * {@code govtech.gateway.api-docs.cache-ttl}.
 */
@ApplicationScoped
public class ApiDocuments {

    private final GatewayConfig.ApiDocs config;
    private final OpenApiMerger merger;
    private final ExpiringCache<ObjectNode> cache;

    public ApiDocuments(GatewayConfig config, UpstreamDocuments upstreams, Clock clock) {
        this.config = config.apiDocs();
        // the server URL is set per answer (see document); operationId clashes are prefixed rather than fatal here
        this.merger = new OpenApiMerger(MergeSettings.of("/", this.config.realmUrl()));
        this.cache = new ExpiringCache<>(() -> upstreams.fetchAll().thenApply(this::merge), this.config.cacheTtl(),
                clock);
    }

    /**
     * The merged document with {@code servers} naming the gateway: the configured public URL, else
     * {@code requestBaseUrl} (how this caller reached the gateway).
     */
    public CompletableFuture<ObjectNode> document(String requestBaseUrl) {
        String serverUrl = config.serverUrl().orElse(requestBaseUrl);
        return cache.get().thenApply(merged -> {
            ObjectNode copy = merged.deepCopy();
            copy.withArray("servers").removeAll().addObject().put("url", serverUrl).put("description", "GovTech Kommunal gateway");
            return copy;
        });
    }

    private ObjectNode merge(UpstreamDocuments.Fetched fetched) {
        MergeResult result = merger.merge(fetched.documents(), fetched.unavailable());
        result.notes().forEach(note -> Log.infof("Merged API document: %s", note));
        Log.debugf("Merged API document of %s (left out: %s)", fetched.documents().keySet(), fetched.unavailable());
        return result.document();
    }
}
