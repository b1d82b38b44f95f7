package de.govtech.gateway.ratelimit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import de.govtech.gateway.GatewayConfig;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One token bucket per route group (and the API documents) and caller (bucket4j, in this process's memory). Buckets
 * of callers that stay away longer than their period are dropped; a new bucket starts full, which is the same state
 * an idle caller's bucket would have reached by then.
 *
 * <p>With {@code govtech.gateway.replicas} = n each replica allows the configured number ÷ n (at least 1): the limits
 * are per pod, and the configured figure is the total only while the load balancer spreads a caller evenly.
 *
 * <p>Every refusal counts in {@value #REFUSED_METRIC} by limit group and caller kind (anonymous, token) — never by
 * address or user, which would make one time series per caller.
 */
@ApplicationScoped
public class CallerRateLimits {

    static final String REFUSED_METRIC = "govtech.gateway.rate.limited.requests";

    private final Map<String, Group> groups;

    @Inject
    public CallerRateLimits(GatewayConfig config, MeterRegistry registry) {
        Map<String, GatewayConfig.RateLimit> configured = new HashMap<>();
        config.routes().forEach((name, route) -> configured.put(name, route.rateLimit()));
        configured.put(ApiDocumentRateLimit.GROUP, config.apiDocs().rateLimit());
        int replicas = Math.max(1, config.replicas());
        Map<String, Group> built = new HashMap<>();
        configured.forEach((name, limit) -> built.put(name, new Group(name, Math.max(1, limit.requests() / replicas),
                limit.period(), registry)));
        this.groups = Map.copyOf(built);
    }

    /** Takes one request from the caller's allowance in the route group. */
    public RateDecision tryAcquire(String group, String caller) {
        Group limits = groups.get(group);
        ConsumptionProbe probe = limits.buckets.get(caller, limits.bucketFactory).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            (CallerKey.isAnonymous(caller) ? limits.refusedAnonymous : limits.refusedToken).increment();
        }
        return new RateDecision(probe.isConsumed(), limits.requests, probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForRefill()), seconds(probe.getNanosToWaitForReset()));
    }

    /** Requests one caller may make per period in this group on this replica. */
    public long limit(String group) {
        return groups.get(group).requests;
    }

    private static long seconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
    }

    /** A limit group's allowance, its callers' buckets and its refusal counters, looked up once per request. */
    private static final class Group {

        final long requests;
        final Duration period;
        final Cache<String, Bucket> buckets;
        final Counter refusedAnonymous;
        final Counter refusedToken;
        final Function<String, Bucket> bucketFactory = caller -> newBucket();

        Group(String name, long requests, Duration period, MeterRegistry registry) {
            this.requests = requests;
            this.period = period;
            this.buckets = Caffeine.newBuilder()
                    .expireAfterAccess(period.toNanos(), TimeUnit.NANOSECONDS)
                    .maximumSize(100_000)
                    .build();
            this.refusedAnonymous = refused(registry, name, "anonymous");
            this.refusedToken = refused(registry, name, "token");
        }

        private Bucket newBucket() {
            return Bucket.builder()
                    .addLimit(bandwidth -> bandwidth.capacity(requests).refillGreedy(requests, period))
                    .build();
        }

        private static Counter refused(MeterRegistry registry, String group, String callerKind) {
            return Counter.builder(REFUSED_METRIC)
                    .description("Requests the gateway refused with 429 because the caller's rate limit was used up")
                    .tag("limit_group", group)
                    .tag("caller_kind", callerKind)
                    .register(registry);
        }
    }
}
