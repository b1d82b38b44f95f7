package de.govtech.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import de.govtech.gateway.routing.ProxyHeaders;
import io.vertx.core.MultiMap;

class ProxyHeadersTest {

    @Test
    void forwardsEndToEndHeadersAndDropsHopByHopOnes() {
        MultiMap incoming = MultiMap.caseInsensitiveMultiMap()
                .add("Authorization", "Bearer t").add("Host", "gateway:8080").add("Connection", "close, X-Hop")
                .add("X-Hop", "1").add("Keep-Alive", "timeout=5").add("Transfer-Encoding", "chunked")
                .add("Upgrade", "h2c").add("TE", "trailers").add("Accept", "application/json").add("Accept", "text/plain");

        MultiMap out = ProxyHeaders.toUpstream(incoming, "10.0.0.7", "https", "gateway:8080");

        assertEquals("Bearer t", out.get("authorization"));
        assertEquals(2, out.getAll("accept").size());
        for (String dropped : new String[] { "Host", "Connection", "X-Hop", "Keep-Alive", "Transfer-Encoding", "Upgrade", "TE" }) {
            assertFalse(out.contains(dropped), dropped);
        }
        assertEquals("10.0.0.7", out.get("X-Forwarded-For"));
        assertEquals("https", out.get("X-Forwarded-Proto"));
        assertEquals("gateway:8080", out.get("X-Forwarded-Host"));
    }

    @Test
    void appendsToAnExistingForwardedForChain() {
        MultiMap incoming = MultiMap.caseInsensitiveMultiMap().add("X-Forwarded-For", "203.0.113.5");
        assertEquals("203.0.113.5, 10.0.0.7", ProxyHeaders.toUpstream(incoming, "10.0.0.7", "http", null).get("X-Forwarded-For"));
        assertNull(ProxyHeaders.toUpstream(incoming, "10.0.0.7", "http", null).get("X-Forwarded-Host"));
    }

    @Test
    void answerHeadersLoseHopByHopOnesAndDoNotRepeatTheGatewaysOwn() {
        MultiMap answer = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json")
                .add("Transfer-Encoding", "chunked").add("Connection", "keep-alive, X-Private").add("X-Private", "p")
                .add("X-Request-Id", "r-1");
        MultiMap response = MultiMap.caseInsensitiveMultiMap().add("X-Request-Id", "r-1");
        ProxyHeaders.copyToCaller(answer, response);
        assertEquals(2, response.size());
        assertEquals("application/json", response.get("content-type"));
        assertEquals(java.util.List.of("r-1"), response.getAll("x-request-id"));
    }

    @Test
    void everyValueOfAnUpstreamHeaderReachesTheCallerButTheGatewaysOwnStayAlone() {
        MultiMap answer = MultiMap.caseInsensitiveMultiMap().add("Set-Cookie", "a=1").add("RateLimit-Limit", "5")
                .add("set-cookie", "b=2").add("ratelimit-limit", "6").add("Keep-Alive", "timeout=5");
        MultiMap response = MultiMap.caseInsensitiveMultiMap().add("RateLimit-Limit", "600");
        ProxyHeaders.copyToCaller(answer, response);
        assertEquals(java.util.List.of("a=1", "b=2"), response.getAll("Set-Cookie"));
        assertEquals(java.util.List.of("600"), response.getAll("RateLimit-Limit"));
        assertFalse(response.contains("Keep-Alive"));
    }

    @Test
    void theCallersHostAndTraceContextStayOnTheirHop() {
        MultiMap incoming = MultiMap.caseInsensitiveMultiMap().add("HOST", "gateway").add("TraceParent", "00-x-y-01")
                .add("tracestate", "k=v").add("Proxy-Connection", "keep-alive").add("X-Request-Id", "r-1");
        MultiMap out = ProxyHeaders.toUpstream(incoming, "10.0.0.7", "http", "gateway");
        for (String dropped : new String[] { "host", "traceparent", "tracestate", "proxy-connection" }) {
            assertFalse(out.contains(dropped), dropped);
        }
        assertEquals("r-1", out.get("x-request-id"));
    }
}
