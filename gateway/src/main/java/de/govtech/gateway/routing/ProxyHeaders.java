package de.govtech.gateway.routing;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.vertx.core.MultiMap;

/**
 * Which headers cross the gateway. Everything end-to-end is forwarded unchanged (Authorization, X-Request-Id,
 * content headers); hop-by-hop headers (RFC 9110 §7.6.1, plus those the Connection header names) stay on their hop;
 * the upstream learns the original client through X-Forwarded-For/Proto/Host. The caller's trace context
 * ({@code traceparent}, {@code tracestate}) is not copied: the gateway's hop sets it (OpenTelemetry's client span,
 * or {@code TraceHop} where no spans are recorded), with the gateway's span as the parent.
 */
public final class ProxyHeaders {

    /** Compared ignoring case without lower-casing every header name of every request. */
    private static final Set<String> HOP_BY_HOP = caseInsensitive(List.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"));

    private ProxyHeaders() {
    }

    /** Headers for the upstream request; Host is left to the client, which sets the upstream's authority. */
    public static MultiMap toUpstream(MultiMap incoming, String clientIp, String proto, String host) {
        MultiMap out = endToEnd(incoming);
        out.remove("host");
        out.remove("traceparent");
        out.remove("tracestate");
        String forwardedFor = incoming.get("x-forwarded-for");
        out.set("X-Forwarded-For", forwardedFor == null || forwardedFor.isBlank() ? clientIp : forwardedFor + ", " + clientIp);
        out.set("X-Forwarded-Proto", proto);
        if (host != null) {
            out.set("X-Forwarded-Host", host);
        }
        return out;
    }

    /**
     * Adds the end-to-end headers of the upstream's answer to the caller's response. A header the gateway has set
     * already (X-Request-Id, CORS, rate limits) is the gateway's: the upstream's copy is not added a second time.
     */
    public static void copyToCaller(MultiMap upstream, MultiMap response) {
        MultiMap answer = endToEnd(upstream);
        for (String name : answer.names()) {
            if (!response.contains(name)) {
                response.add(name, answer.getAll(name));
            }
        }
    }

    static MultiMap endToEnd(MultiMap headers) {
        Set<String> named = connectionTokens(headers);
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        for (var entry : headers) {
            String name = entry.getKey();
            if (!HOP_BY_HOP.contains(name) && !named.contains(name)) {
                out.add(name, entry.getValue());
            }
        }
        return out;
    }

    /** The header names a Connection header lists (most requests have none or just "keep-alive"). */
    private static Set<String> connectionTokens(MultiMap headers) {
        List<String> values = headers.getAll("connection");
        if (values.isEmpty()) {
            return Collections.emptySet();
        }
        Set<String> tokens = caseInsensitive(List.of());
        for (String value : values) {
            for (String token : value.split(",")) {
                if (!token.isBlank()) {
                    tokens.add(token.trim());
                }
            }
        }
        return tokens;
    }

    private static Set<String> caseInsensitive(List<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return set;
    }
}
