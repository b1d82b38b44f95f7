package de.govtech.gateway.edge;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

import de.govtech.gateway.GatewayConfig;
import de.govtech.gateway.routing.RouteTemplates;
import io.opentelemetry.api.trace.SpanContext;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * First handler of every request, before authentication: every answer (also a 401 or 429) carries an
 * {@value #REQUEST_ID} and every forwarded request carries it. A well-formed id from the caller is kept unchanged;
 * otherwise the gateway makes one. The id is written into the request headers, so the forwarding (and Quarkus REST's
 * own request-id filter) sees the same value. The gateway's span joins the caller's {@code traceparent} (or starts a
 * trace), and the upstream request carries it as parent: OpenTelemetry's server span where an OTLP endpoint is set,
 * else a {@link TraceHop} made here (its trace and span ids in the log MDC, as OpenTelemetry would put them). A
 * request to a route group is named by the group's template for the HTTP server metrics ({@link RouteTemplates}), also
 * when it is refused before it is forwarded (401, 413, 429).
 */
@ApplicationScoped
public class RequestCorrelation {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** Runs right after Quarkus' own first handlers and well before authentication (a filter at -200). */
    static final int ORDER = Integer.MIN_VALUE + 100;

    /**
     * Where Quarkus' Micrometer binder (and Quarkus REST for its own endpoints) looks for the path template of a
     * request: a local of the request's Vert.x context. Without it the metrics name the request by its concrete path.
     */
    static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private final boolean httpSpans;
    private final RouteTemplates routeTemplates;

    RequestCorrelation(@ConfigProperty(name = HttpSpansOnlyWhenExported.VERTX_HTTP) boolean httpSpans,
            GatewayConfig config) {
        this.httpSpans = httpSpans;
        this.routeTemplates = new RouteTemplates(config.routes().keySet());
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    void handle(RoutingContext context) {
        var headers = context.request().headers();
        String id = requestId(headers.get(REQUEST_ID));
        headers.set(REQUEST_ID, id);
        context.response().putHeader(REQUEST_ID, id);
        MDC.put(MDC_KEY, id);
        if (!httpSpans) {
            SpanContext hop = TraceHop.join(headers);
            context.put(TraceHop.KEY, hop);
            MDC.put("traceId", hop.getTraceId());
            MDC.put("spanId", hop.getSpanId());
        }
        String template = routeTemplates.of(context.normalizedPath());
        if (template != null && context.request() instanceof HttpServerRequestInternal request) {
            request.context().putLocal(URL_PATH_TEMPLATE, template);
        }
        context.next();
    }

    static String requestId(String sent) {
        return accepted(sent) ? sent : newId();
    }

    /** {@code [A-Za-z0-9._:-]{1,64}}, checked without a regex matcher per request. */
    static boolean accepted(String id) {
        if (id == null || id.isEmpty() || id.length() > 64) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * A random (version 4) UUID. A request id correlates log lines, it is no secret, so it comes from the thread's
     * own generator rather than UUID.randomUUID()'s shared SecureRandom.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
