package de.govtech.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The gateway's own settings. Each route {@code <name>} serves {@code /api/v1/<name>/**} and forwards it to its
 * upstream; its rate limit applies per caller within that route group.
 */
@ConfigMapping(prefix = "govtech.gateway")
public interface GatewayConfig {

    /** Route groups by name (membership, learning, solutions, marketplace). */
    Map<String, Route> routes();

    /** How long the gateway waits for an upstream to answer (or to send more of its answer) before it answers 504. */
    @WithDefault("10s")
    Duration upstreamTimeout();

    /** How long the gateway waits for a connection to an upstream. */
    @WithDefault("2s")
    Duration connectTimeout();

    interface Route {
        /** Base URL of the service, e.g. http://localhost:8081; the request path is appended unchanged. */
        URI upstream();

        RateLimit rateLimit();
    }

    interface RateLimit {
        /** Requests one caller may make within {@link #period()}. */
        @WithDefault("600")
        long requests();

        @WithDefault("1m")
        Duration period();
    }
}
