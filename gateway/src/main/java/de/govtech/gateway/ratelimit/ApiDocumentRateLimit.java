package de.govtech.gateway.ratelimit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import de.govtech.gateway.edge.GatewayProblems;
import de.govtech.platform.support.problem.ProblemType;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The API documents are public and costly (the merged one is built from every service's document), so anonymous
 * callers are limited too, by client address, in their own group {@value #GROUP}.
 */
@ApplicationScoped
public class ApiDocumentRateLimit {

    public static final String GROUP = "api-docs";

    private static final List<String> PATHS = List.of("/api/v1/openapi", "/api/v1/openapi.json", "/api/v1/openapi.yaml",
            "/q/openapi");

    private final CallerRateLimits rateLimits;

    public ApiDocumentRateLimit(CallerRateLimits rateLimits) {
        this.rateLimits = rateLimits;
    }

    void register(@Observes Router router) {
        PATHS.forEach(path -> router.route(path).order(-5).handler(this::handle));
    }

    void handle(RoutingContext context) {
        RateDecision decision = rateLimits.tryAcquire(GROUP, CallerKey.of(context));
        decision.writeHeaders(context.response());
        if (!decision.allowed()) {
            GatewayProblems.send(context, ProblemType.TOO_MANY_REQUESTS,
                    "Too many requests for the API documents; retry after " + Math.max(1, decision.retryAfterSeconds()) + " s.");
            return;
        }
        context.next();
    }
}
