package de.govtech.gateway.routing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.vertx.core.MultiMap;

/**
 * Which headers cross the gateway. Everything end-to-end is forwarded unchanged (Authorization, X-Request-Id,
 * content headers); hop-by-hop headers (RFC 9110 §7.6.1, plus those the Connection header names) stay on their hop;
 * the upstream learns the original client through X-Forwarded-For/Proto/Host. The caller's trace context
 * ({@code traceparent}, {@code tracestate}) is not copied: OpenTelemetry's client span sets it, with the gateway's
 * span as the parent.
 */
public final class ProxyHeaders {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

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
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !named.contains(name)) {
                out.add(entry.getKey(), entry.getValue());
            }
        }
        return out;
    }

    private static Set<String> connectionTokens(MultiMap headers) {
        return headers.getAll("connection").stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(token -> token.trim().toLowerCase(Locale.ROOT))
                .filter(token -> !token.isEmpty())
                .collect(Collectors.toSet());
    }
}
