package de.govtech.gateway.routing;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import de.govtech.gateway.GatewayConfig;
import de.govtech.gateway.edge.BodySizeLimit;
import de.govtech.gateway.edge.EarlyAdmission;
import de.govtech.gateway.ratelimit.CallerRateLimits;
import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.web.Router;

/**
 * Puts one forwarding route per configured group on {@code /api/v1/<name>} and everything below it: ahead of Quarkus
 * security for the requests {@link EarlyAdmission} admits, after it for all others.
 */
@ApplicationScoped
public class GatewayRoutes {

    /** Ahead of Quarkus REST (which answers unknown paths with 404), after authentication and authorisation. */
    static final int ORDER = 100;

    static final int UPSTREAM_CHUNK_BYTES = 64 * 1024;

    private final GatewayConfig config;
    private final CallerRateLimits rateLimits;
    private final EarlyAdmission earlyAdmission;
    private final long maxBodyBytes;
    private final EventLoopClients clients;

    public GatewayRoutes(GatewayConfig config, CallerRateLimits rateLimits, Vertx vertx,
            BodySizeLimit bodySizeLimit, EarlyAdmission earlyAdmission) {
        this.config = config;
        this.earlyAdmission = earlyAdmission;
        this.rateLimits = rateLimits;
        this.maxBodyBytes = bodySizeLimit.maxBodyBytes();
        this.clients = new EventLoopClients(vertx, new HttpClientOptions()
                .setKeepAlive(true)
                .setMaxPoolSize(200)
                // an answer's body reaches the caller in the pieces the client decodes it in, each its own write and
                // system call: pieces as large as one socket read (Netty reads at most 64 KB) instead of 8 KB
                .setMaxChunkSize(UPSTREAM_CHUNK_BYTES)
                .setDecompressionSupported(false)
                .setTryUseCompression(false));
    }

    void register(@Observes Router router) {
        config.routes().forEach((name, route) -> {
            var proxy = new UpstreamProxy(name, route.upstream(), clients, rateLimits,
                    config.upstreamTimeout().toMillis(), config.connectTimeout().toMillis(), maxBodyBytes);
            router.route("/api/v1/" + name + "/*").order(EarlyAdmission.ORDER).handler(context -> {
                if (earlyAdmission.admits(context)) {
                    proxy.handle(context);
                } else {
                    context.next();
                }
            });
            router.route("/api/v1/" + name + "/*").order(ORDER).handler(proxy);
            Log.infof("Route /api/v1/%s/** -> %s (%d requests per %s and caller on this replica of %d)", name,
                    route.upstream(), rateLimits.limit(name), route.rateLimit().period(), config.replicas());
        });
    }

    @PreDestroy
    void close() {
        clients.close();
    }
}
