package de.govtech.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

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

    /** The merged OpenAPI document of all services ({@code /api/v1/openapi}). */
    ApiDocs apiDocs();

    /**
     * How many gateway replicas share the configured rate limits (the Helm chart sets it to its replica count). Each
     * replica counts in its own memory, so it allows {@code requests / replicas} per caller and period; with a load
     * balancer spreading one caller's requests evenly the total stays the configured one.
     */
    @WithDefault("1")
    int replicas();

    /** Identities of bearer tokens whose signature was checked, kept for the token's remaining lifetime. */
    TokenCache tokenCache();

    interface TokenCache {
        /** At most this many tokens are remembered (least recently used ones go first); 0 turns the cache off. */
        @WithDefault("10000")
        long maxSize();

        /**
         * A remembered token is checked against the identity provider's keys again after this long at the latest,
         * even when it lives longer: a key the provider withdraws stops being accepted within this time.
         */
        @WithDefault("5m")
        Duration maxAge();
    }

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

    interface ApiDocs {
        /** How long a merged document is served before the services are asked for theirs again. */
        @WithDefault("30s")
        Duration cacheTtl();

        /** How long the gateway waits for one service's document before leaving that service out. */
        @WithDefault("5s")
        Duration fetchTimeout();

        /** Path (and query) of each service's own document, appended to the route's upstream URL. */
        @WithDefault("/q/openapi?format=json")
        String upstreamPath();

        /** The gateway's public URL for {@code servers}; absent: the scheme, host and port of each request. */
        Optional<String> serverUrl();

        /** Requests per caller for the API documents; anonymous callers are counted by client address. */
        RateLimit rateLimit();

        /** The Keycloak realm as browsers reach it (Swagger UI signs in there). */
        @WithDefault("http://localhost:8180/realms/govtech")
        String realmUrl();
    }
}
