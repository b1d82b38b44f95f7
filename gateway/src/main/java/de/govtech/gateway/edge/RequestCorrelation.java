package de.govtech.gateway.edge;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * First handler of every request, before authentication: every answer (also a 401 or 429) carries an
 * {@value #REQUEST_ID} and every forwarded request carries it and a W3C {@value #TRACEPARENT}. A well-formed id or
 * trace context from the caller is kept unchanged; otherwise the gateway makes one. The id is written into the
 * request headers, so the forwarding (and Quarkus REST's own request-id filter) sees the same value.
 */
@ApplicationScoped
public class RequestCorrelation {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";
    public static final String MDC_KEY = "requestId";

    /** Runs right after Quarkus' own first handlers and well before authentication (a filter at -200). */
    static final int ORDER = Integer.MIN_VALUE + 100;

    private static final Pattern ACCEPTED_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    void handle(RoutingContext context) {
        var headers = context.request().headers();
        String id = requestId(headers.get(REQUEST_ID));
        headers.set(REQUEST_ID, id);
        if (!isTraceparent(headers.get(TRACEPARENT))) {
            headers.set(TRACEPARENT, newTraceparent());
        }
        context.response().putHeader(REQUEST_ID, id);
        MDC.put(MDC_KEY, id);
        context.next();
    }

    static String requestId(String sent) {
        return sent != null && ACCEPTED_ID.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
    }

    static boolean isTraceparent(String value) {
        return value != null && TRACEPARENT_FORMAT.matcher(value).matches()
                && !value.startsWith("ff") && !value.substring(3, 35).equals("0".repeat(32))
                && !value.substring(36, 52).equals("0".repeat(16));
    }

    /** A new trace (version 00, not sampled: the gateway records no spans itself). */
    static String newTraceparent() {
        var random = ThreadLocalRandom.current();
        String traceId = String.format("%016x%016x", random.nextLong() | 1, random.nextLong());
        String parentId = String.format("%016x", random.nextLong() | 1);
        return "00-" + traceId + "-" + parentId + "-00";
    }
}
