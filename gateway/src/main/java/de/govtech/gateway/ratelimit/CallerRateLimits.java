package de.govtech.gateway.ratelimit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import de.govtech.gateway.GatewayConfig;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One token bucket per route group (and the API documents) and caller (bucket4j, in memory: one gateway instance). Buckets of callers
 * that stay away longer than their period are dropped; a new bucket starts full, which is the same state an idle
 * caller's bucket would have reached by then.
 */
@ApplicationScoped
public class CallerRateLimits {

    private final Map<String, GatewayConfig.RateLimit> limits;
    private final Cache<String, Bucket> buckets;

    public CallerRateLimits(GatewayConfig config) {
        Map<String, GatewayConfig.RateLimit> groups = new HashMap<>();
        config.routes().forEach((name, route) -> groups.put(name, route.rateLimit()));
        groups.put(ApiDocumentRateLimit.GROUP, config.apiDocs().rateLimit());
        this.limits = Map.copyOf(groups);
        Duration longest = limits.values().stream().map(GatewayConfig.RateLimit::period)
                .max(Duration::compareTo).orElse(Duration.ofMinutes(1));
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(longest.toNanos(), TimeUnit.NANOSECONDS)
                .maximumSize(100_000)
                .build();
    }

    /** Takes one request from the caller's allowance in the route group. */
    public RateDecision tryAcquire(String route, String caller) {
        GatewayConfig.RateLimit limit = limits.get(route);
        Bucket bucket = buckets.get(route + '\n' + caller, key -> newBucket(limit));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return new RateDecision(probe.isConsumed(), limit.requests(), probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForRefill()), seconds(probe.getNanosToWaitForReset()));
    }

    private static Bucket newBucket(GatewayConfig.RateLimit limit) {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.requests()).refillGreedy(limit.requests(), limit.period()))
                .build();
    }

    private static long seconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
