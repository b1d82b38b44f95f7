package de.govtech.gateway.routing;

import java.util.Arrays;
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

    private ProxyHeaders() {
    }

    /**
     * Headers for the upstream request, copied once from the caller's: Host is left to the client, which sets the
     * upstream's authority; the trace context is the gateway's hop's.
     */
    public static MultiMap toUpstream(MultiMap incoming, String clientIp, String proto, String host) {
        Set<String> named = connectionTokens(incoming);
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        for (var entry : incoming) {
            String name = entry.getKey();
            if (!isHopByHop(name) && !isNamed(named, name) && !isReplacedUpstream(name)) {
                out.add(name, entry.getValue());
            }
        }
        String forwardedFor = incoming.get("x-forwarded-for");
        out.set("X-Forwarded-For", forwardedFor == null || forwardedFor.isBlank() ? clientIp : forwardedFor + ", " + clientIp);
        out.set("X-Forwarded-Proto", proto);
        if (host != null) {
            out.set("X-Forwarded-Host", host);
        }
        return out;
    }

    /**
     * Adds the end-to-end headers of the upstream's answer to the caller's response, straight from the upstream's
     * headers (no map in between). A header the gateway has set already (X-Request-Id, CORS, rate limits) is the
     * gateway's: the upstream's copy is not added a second time; every value of a header that is not the gateway's
     * is added (Set-Cookie, Vary, …).
     */
    public static void copyToCaller(MultiMap upstream, MultiMap response) {
        Set<String> named = connectionTokens(upstream);
        String[] added = new String[16];
        int count = 0;
        for (var entry : upstream) {
            String name = entry.getKey();
            if (isHopByHop(name) || isNamed(named, name)) {
                continue;
            }
            if (!contains(added, count, name)) {
                if (response.contains(name)) {
                    continue; // the gateway's own
                }
                if (count == added.length) {
                    added = Arrays.copyOf(added, count * 2);
                }
                added[count++] = name;
            }
            response.add(name, entry.getValue());
        }
    }

    /** RFC 9110 §7.6.1 and the pre-standard Keep-Alive/Proxy-Connection, compared ignoring case. */
    static boolean isHopByHop(String name) {
        return switch (name.length()) {
            case 2 -> name.equalsIgnoreCase("te");
            case 7 -> name.equalsIgnoreCase("trailer") || name.equalsIgnoreCase("upgrade");
            case 10 -> name.equalsIgnoreCase("connection") || name.equalsIgnoreCase("keep-alive");
            case 16 -> name.equalsIgnoreCase("proxy-connection");
            case 17 -> name.equalsIgnoreCase("transfer-encoding");
            case 18 -> name.equalsIgnoreCase("proxy-authenticate");
            case 19 -> name.equalsIgnoreCase("proxy-authorization");
            default -> false;
        };
    }

    /** Set by the hop itself: Host by the client, the trace context by the gateway's span or {@code TraceHop}. */
    private static boolean isReplacedUpstream(String name) {
        return switch (name.length()) {
            case 4 -> name.equalsIgnoreCase("host");
            case 10 -> name.equalsIgnoreCase("tracestate");
            case 11 -> name.equalsIgnoreCase("traceparent");
            default -> false;
        };
    }

    private static boolean isNamed(Set<String> named, String name) {
        return named != null && named.contains(name);
    }

    private static boolean contains(String[] names, int count, String name) {
        for (int i = 0; i < count; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The header names a Connection header lists, or null when there are none: most requests have no Connection
     * header or just "keep-alive", so nothing is allocated for them.
     */
    private static Set<String> connectionTokens(MultiMap headers) {
        if (headers.get("connection") == null) {
            return null;
        }
        Set<String> tokens = null;
        for (String value : headers.getAll("connection")) {
            for (String token : value.split(",")) {
                String trimmed = token.trim();
                if (!trimmed.isEmpty() && !isHopByHop(trimmed)) {
                    if (tokens == null) {
                        tokens = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                    }
                    tokens.add(trimmed);
                }
            }
        }
        return tokens;
    }
}
