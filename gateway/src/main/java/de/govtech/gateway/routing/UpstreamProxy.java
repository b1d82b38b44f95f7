package de.govtech.gateway.routing;

import java.net.URI;
import java.util.concurrent.TimeoutException;


import de.govtech.gateway.edge.BodySizeLimit;
import de.govtech.gateway.edge.GatewayProblems;
import de.govtech.gateway.edge.TraceHop;
import de.govtech.gateway.ratelimit.CallerKey;
import de.govtech.gateway.ratelimit.CallerRateLimits;
import de.govtech.gateway.ratelimit.RateDecision;
import de.govtech.platform.support.problem.ProblemType;
import io.netty.channel.ConnectTimeoutException;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.logging.Log;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;

/**
 * Forwards the requests of one route group to its upstream, streaming both bodies with back-pressure (neither is
 * held in memory as a whole). Rate limit first; then an upstream that refuses the connection answers 502, one that
 * does not answer (or stops sending) within the timeout 504 — or, once the answer has started, the connection is
 * closed, since the status line is already out.
 */
final class UpstreamProxy implements Handler<RoutingContext> {

    private final String route;
    private final URI upstream;
    private final String basePath;
    private final EventLoopClients clients;
    private final CallerRateLimits rateLimits;
    private final long timeoutMillis;
    private final long connectTimeoutMillis;
    private final long maxBodyBytes;

    UpstreamProxy(String route, URI upstream, EventLoopClients clients, CallerRateLimits rateLimits,
            long timeoutMillis, long connectTimeoutMillis, long maxBodyBytes) {
        this.route = route;
        this.upstream = upstream;
        String path = upstream.getRawPath() == null ? "" : upstream.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.clients = clients;
        this.rateLimits = rateLimits;
        this.timeoutMillis = timeoutMillis;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        request.pause();
        RateDecision decision = rateLimits.tryAcquire(route, CallerKey.of(context));
        decision.writeHeaders(context.response());
        if (!decision.allowed()) {
            refuse(context, ProblemType.TOO_MANY_REQUESTS,
                    "Too many requests to the " + route + " service; retry after " + decision.retryAfterSeconds() + " s.");
            return;
        }
        if (declaredLength(request) > maxBodyBytes) {
            refuse(context, BodySizeLimit.CONTENT_TOO_LARGE, "The request body exceeds " + maxBodyBytes + " bytes.");
            return;
        }
        clients.current().request(options(context)).onComplete(connected -> {
            if (connected.failed()) {
                upstreamFailed(context, connected.cause());
                return;
            }
            HttpClientRequest outgoing = connected.result();
            // every failure of the request also fails its answer, handled below; without a handler of its own Vert.x
            // logs each one as an error, also the resets the gateway makes itself (a body above the limit, a caller gone)
            outgoing.exceptionHandler(failure -> { });
            context.response().closeHandler(closed -> outgoing.reset());
            outgoing.response().onComplete(answered -> {
                if (answered.succeeded()) {
                    relay(context, answered.result());
                } else {
                    upstreamFailed(context, answered.cause());
                }
            });
            streamBody(context, outgoing);
        });
    }

    private RequestOptions options(RoutingContext context) {
        HttpServerRequest request = context.request();
        int port = upstream.getPort() != -1 ? upstream.getPort() : "https".equals(upstream.getScheme()) ? 443 : 80;
        String host = request.authority() != null ? request.authority().toString() : request.getHeader(HttpHeaders.HOST);
        MultiMap headers = ProxyHeaders.toUpstream(request.headers(), request.remoteAddress().host(), request.scheme(), host);
        SpanContext hop = context.get(TraceHop.KEY);
        if (hop != null) {
            TraceHop.inject(hop, headers);
        }
        return new RequestOptions()
                .setMethod(request.method())
                .setHost(upstream.getHost())
                .setPort(port)
                .setSsl("https".equals(upstream.getScheme()))
                .setURI(basePath + request.uri())
                .setHeaders(headers)
                .setConnectTimeout(connectTimeoutMillis)
                .setIdleTimeout(timeoutMillis)
                .setFollowRedirects(false);
    }

    private void streamBody(RoutingContext context, HttpClientRequest outgoing) {
        HttpServerRequest request = context.request();
        if (!hasBody(request)) {
            outgoing.end();
            request.resume();
            return;
        }
        if (!request.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            outgoing.setChunked(true);
        }
        long[] received = { 0 };
        request.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] > maxBodyBytes) {
                request.handler(null);
                // answer first: resetting the upstream request fails its response, which must not turn into a 502
                refuse(context, BodySizeLimit.CONTENT_TOO_LARGE, "The request body exceeds " + maxBodyBytes + " bytes.");
                outgoing.reset();
                return;
            }
            outgoing.write(chunk);
            outgoing.idleTimeout(timeoutMillis); // an upload in progress is not an idle upstream: restart the clock
            if (outgoing.writeQueueFull()) {
                request.pause();
                outgoing.drainHandler(drained -> request.resume());
            }
        });
        request.endHandler(ended -> {
            if (received[0] <= maxBodyBytes) {
                outgoing.end();
                outgoing.idleTimeout(timeoutMillis);
            }
        });
        request.exceptionHandler(error -> outgoing.reset());
        request.resume();
    }

    private void relay(RoutingContext context, HttpClientResponse answer) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.closed()) {
            answer.request().reset();
            return;
        }
        response.setStatusCode(answer.statusCode());
        response.setStatusMessage(answer.statusMessage());
        ProxyHeaders.copyToCaller(answer.headers(), response.headers());
        boolean bodyless = context.request().method() == HttpMethod.HEAD || answer.statusCode() == 204
                || answer.statusCode() == 304 || answer.statusCode() < 200;
        if (!bodyless && !answer.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            response.setChunked(true);
        }
        AnswerRelay.relay(answer, response, context.vertx().getOrCreateContext()).onFailure(error -> {
            Log.warnf("Upstream %s broke off its answer to %s %s: %s", route, context.request().method(),
                    context.request().path(), error.toString());
            response.reset();
        });
    }

    private void upstreamFailed(RoutingContext context, Throwable cause) {
        HttpServerResponse response = context.response();
        if (response.headWritten()) {
            response.reset();
            return;
        }
        boolean timedOut = cause instanceof TimeoutException || cause instanceof ConnectTimeoutException;
        Log.warnf("Upstream %s (%s) failed for %s %s: %s", route, upstream, context.request().method(),
                context.request().path(), cause.toString());
        if (timedOut) {
            refuse(context, ProblemType.GATEWAY_TIMEOUT, "The " + route + " service did not answer in time.");
        } else {
            refuse(context, ProblemType.BAD_GATEWAY, "The " + route + " service is not reachable.");
        }
    }

    /** Answers without forwarding; unread body data is discarded. */
    private static void refuse(RoutingContext context, ProblemType type, String detail) {
        GatewayProblems.send(context, type, detail);
        context.request().resume();
    }

    /** HTTP/1.1 announces a body by its headers; HTTP/2 carries it in DATA frames until the stream ends. */
    private static boolean hasBody(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            return !request.isEnded();
        }
        return declaredLength(request) > 0 || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
