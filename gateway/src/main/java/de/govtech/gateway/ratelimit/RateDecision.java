package de.govtech.gateway.ratelimit;

import io.vertx.core.http.HttpServerResponse;

/**
 * Outcome of one rate-limit check, with the figures for the RateLimit headers (IETF draft
 * "RateLimit header fields for HTTP": limit, remaining, seconds until the allowance is full again).
 */
public record RateDecision(boolean allowed, long limit, long remaining, long retryAfterSeconds, long resetSeconds) {

    public void writeHeaders(HttpServerResponse response) {
        response.putHeader("RateLimit-Limit", Long.toString(limit));
        response.putHeader("RateLimit-Remaining", Long.toString(remaining));
        response.putHeader("RateLimit-Reset", Long.toString(resetSeconds));
        if (!allowed) {
            response.putHeader("Retry-After", Long.toString(Math.max(1, retryAfterSeconds)));
        }
    }
}
