package de.govtech.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import de.govtech.gateway.GatewayConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class CallerRateLimitsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CallerRateLimits limits = new CallerRateLimits(config(Map.of("learning", 2L, "marketplace", 5L), 1),
            registry);

    @Test
    void countsDownPerCallerAndRefusesWhenUsedUp() {
        RateDecision first = limits.tryAcquire("learning", "sub:a");
        RateDecision second = limits.tryAcquire("learning", "sub:a");
        RateDecision third = limits.tryAcquire("learning", "sub:a");

        assertTrue(first.allowed());
        assertEquals(1, first.remaining());
        assertTrue(second.allowed());
        assertEquals(0, second.remaining());
        assertFalse(third.allowed());
        assertEquals(2, third.limit());
        assertEquals(0, third.remaining());
        // 2 per 10 minutes, refilled greedily: one request back after 5 minutes, all after 10
        assertTrue(third.retryAfterSeconds() > 290 && third.retryAfterSeconds() <= 300, "" + third.retryAfterSeconds());
        assertTrue(third.resetSeconds() > 590 && third.resetSeconds() <= 600, "" + third.resetSeconds());
    }

    @Test
    void callersAndRouteGroupsHaveTheirOwnAllowance() {
        limits.tryAcquire("learning", "ip:10.0.0.1");
        limits.tryAcquire("learning", "ip:10.0.0.1");
        assertFalse(limits.tryAcquire("learning", "ip:10.0.0.1").allowed());
        assertTrue(limits.tryAcquire("learning", "ip:10.0.0.2").allowed());
        RateDecision otherGroup = limits.tryAcquire("marketplace", "ip:10.0.0.1");
        assertTrue(otherGroup.allowed());
        assertEquals(4, otherGroup.remaining());
    }

    @Test
    void everyRefusalCountsByGroupAndCallerKindNeverByCaller() {
        limits.tryAcquire("learning", "sub:b");
        limits.tryAcquire("learning", "sub:b");
        limits.tryAcquire("learning", "sub:b");
        limits.tryAcquire("learning", "sub:b");
        limits.tryAcquire("learning", "ip:10.0.0.9");
        limits.tryAcquire("learning", "ip:10.0.0.9");
        limits.tryAcquire("learning", "ip:10.0.0.9");

        assertEquals(2.0, refused("learning", "token"));
        assertEquals(1.0, refused("learning", "anonymous"));
        assertEquals(0.0, refused("marketplace", "token"), "present from the start, at zero");
        assertTrue(registry.find(CallerRateLimits.REFUSED_METRIC).meters().stream()
                .allMatch(meter -> meter.getId().getTags().stream()
                        .allMatch(tag -> tag.getKey().equals("limit_group") || tag.getKey().equals("caller_kind"))),
                "no tag names the caller");
    }

    @Test
    void withReplicasEachAllowsItsShareOfTheConfiguredTotal() {
        var shared = new CallerRateLimits(config(Map.of("learning", 5L, "marketplace", 1L), 2), registry);

        assertEquals(2, shared.limit("learning"), "5 across 2 replicas: 2 each, never more than the total");
        assertEquals(1, shared.limit("marketplace"), "at least one request per replica");
        assertTrue(shared.tryAcquire("learning", "sub:c").allowed());
        assertTrue(shared.tryAcquire("learning", "sub:c").allowed());
        RateDecision third = shared.tryAcquire("learning", "sub:c");
        assertFalse(third.allowed());
        assertEquals(2, third.limit());
    }

    private double refused(String group, String callerKind) {
        return registry.get(CallerRateLimits.REFUSED_METRIC).tag("limit_group", group).tag("caller_kind", callerKind)
                .counter().count();
    }

    private static GatewayConfig config(Map<String, Long> requestsPerTenMinutes, int replicas) {
        Map<String, GatewayConfig.Route> routes = new java.util.HashMap<>();
        requestsPerTenMinutes.forEach((name, requests) -> routes.put(name, new GatewayConfig.Route() {
            @Override
            public URI upstream() {
                return URI.create("http://localhost:1");
            }

            @Override
            public GatewayConfig.RateLimit rateLimit() {
                return perTenMinutes(requests);
            }
        }));
        return new GatewayConfig() {
            @Override
            public Map<String, Route> routes() {
                return routes;
            }

            @Override
            public int replicas() {
                return replicas;
            }

            @Override
            public TokenCache tokenCache() {
                return new TokenCache() {
                    @Override
                    public long maxSize() {
                        return 10;
                    }

                    @Override
                    public Duration maxAge() {
                        return Duration.ofMinutes(5);
                    }
                };
            }

            @Override
            public Duration upstreamTimeout() {
                return Duration.ofSeconds(10);
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(2);
            }

            @Override
            public ApiDocs apiDocs() {
                return new ApiDocs() {
                    @Override
                    public RateLimit rateLimit() {
                        return perTenMinutes(1);
                    }

                    @Override
                    public Duration cacheTtl() {
                        return Duration.ofSeconds(30);
                    }

                    @Override
                    public Duration fetchTimeout() {
                        return Duration.ofSeconds(5);
                    }

                    @Override
                    public String upstreamPath() {
                        return "/q/openapi";
                    }

                    @Override
                    public java.util.Optional<String> serverUrl() {
                        return java.util.Optional.empty();
                    }

                    @Override
                    public String realmUrl() {
                        return "http://localhost:8180/realms/govtech";
                    }
                };
            }
        };
    }

    private static GatewayConfig.RateLimit perTenMinutes(long requests) {
        return new GatewayConfig.RateLimit() {
            @Override
            public long requests() {
                return requests;
            }

            @Override
            public Duration period() {
                return Duration.ofMinutes(10);
            }
        };
    }
}
